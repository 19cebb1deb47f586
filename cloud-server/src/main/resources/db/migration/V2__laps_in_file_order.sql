-- Laps are kept in the order of their file. iRacing's lap counter repeats after a reset to the pits, a tow,
-- a time gap or a restart, so (session_id, number) is no key: ordinal (0, 1, ...) is, number stays as data.
-- sector_times gets no length limit: a track may have many sectors (the server caps them per lap). From now on
-- an uncovered sector is written NaN, not an empty item, so that one such sector is not read as none.
create table session_laps (
    session_id   bigint not null references sessions (id) on delete cascade,
    ordinal      integer not null,
    number       integer not null,
    lap_time     double precision not null,
    sector_times varchar not null,
    fuel_used    double precision,
    flags        varchar(100) not null,
    primary key (session_id, ordinal)
);

insert into session_laps (session_id, ordinal, number, lap_time, sector_times, fuel_used, flags)
select session_id, cast(row_number() over (partition by session_id order by number) - 1 as integer), number,
       lap_time, sector_times, fuel_used, flags
from laps;

drop table laps;
alter table session_laps rename to laps;

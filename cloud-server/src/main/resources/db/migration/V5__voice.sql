-- Speech through ElevenLabs: the team's default voice profile, each driver's own, the team's speech budget and
-- the characters it sent to ElevenLabs each UTC day. (V4 is left to the AI cards' migration.)

create table voice_team_profiles (
    team_id    bigint primary key references teams (id) on delete cascade,
    voice_id   varchar(64) not null,
    speed      double precision not null,
    stability  double precision not null,
    similarity double precision not null,
    style      double precision not null,
    updated_at timestamp with time zone not null
);

create table voice_driver_profiles (
    team_id    bigint not null references teams (id) on delete cascade,
    user_id    bigint not null references users (id) on delete cascade,
    voice_id   varchar(64) not null,
    speed      double precision not null,
    stability  double precision not null,
    similarity double precision not null,
    style      double precision not null,
    updated_at timestamp with time zone not null,
    primary key (team_id, user_id)
);

create table tts_budgets (
    team_id             bigint primary key references teams (id) on delete cascade,
    requests_per_minute integer not null,
    characters_per_day  bigint not null,
    updated_at          timestamp with time zone not null
);

create table tts_usage (
    team_id    bigint not null references teams (id) on delete cascade,
    usage_day  date not null,
    characters bigint not null,
    primary key (team_id, usage_day)
);

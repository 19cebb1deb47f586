-- A session's video (an MP4 in the session store), recorded with its live session: its size in bytes, null if none.
alter table sessions add column video_bytes bigint;

-- An uploaded roster file waits here between its preview and the administrator's confirmation,
-- so the confirmation works on any app instance. Rows are removed on import or after a day.
create table roster_upload (
    id           uuid primary key,
    file_name    varchar(255) not null,
    content      bytea       not null,
    created_at   timestamptz not null default now()
);
create index roster_upload_created_idx on roster_upload (created_at);

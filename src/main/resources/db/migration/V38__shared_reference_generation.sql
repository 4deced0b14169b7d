-- One counter for all reference data (hospitals, departments, program settings, the resource
-- directory). Every transaction that changes any of them raises it by one, at commit, whoever
-- writes: the app's services do it first thing (so they hold the row lock from the start and
-- learn the value their commit publishes), and the triggers below catch every other writer
-- (scripts, a psql session). Each app instance polls the counter and empties its reference cache
-- when it moves (shared.ReferenceCache).
create table reference_generation (
    id          smallint primary key check (id = 1),
    generation  bigint   not null,
    -- The transaction that raised it last: a transaction raises it once, however many statements it runs.
    changed_in  xid8
);

insert into reference_generation (id, generation) values (1, 1);

create function raise_reference_generation() returns trigger language plpgsql as $$
begin
    update reference_generation set generation = generation + 1, changed_in = pg_current_xact_id()
     where id = 1 and changed_in is distinct from pg_current_xact_id();
    return null;
end
$$;

create trigger hospital_reference_generation after insert or update or delete or truncate on hospital
    for each statement execute function raise_reference_generation();
create trigger department_reference_generation after insert or update or delete or truncate on department
    for each statement execute function raise_reference_generation();
create trigger program_settings_reference_generation after insert or update or delete or truncate on program_settings
    for each statement execute function raise_reference_generation();
create trigger resource_reference_generation after insert or update or delete or truncate on resource
    for each statement execute function raise_reference_generation();

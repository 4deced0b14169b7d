-- A list view is one audit entry that names every record it showed, not one row per record: a
-- coordinator's triage page of 50 cases wrote 50 rows at every look. record_id stays for an
-- entry about one record; record_ids holds the records of a list. The audit page's search by
-- record looks in both, each through its own index.
alter table audit_entry alter column record_id drop not null;
alter table audit_entry add column record_ids varchar(64)[];
alter table audit_entry add constraint audit_entry_one_or_many check ((record_id is null) <> (record_ids is null));
create index audit_entry_record_ids_idx on audit_entry using gin (record_ids);

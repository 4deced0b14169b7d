-- Administrative and security actions are audited by the address they were made at (a path
-- pattern such as /organization/hospitals/{id}/departments/{departmentId}/active), so the columns
-- that name them are wider. Still never the content.
alter table audit_entry alter column action type varchar(80), alter column record_type type varchar(120);

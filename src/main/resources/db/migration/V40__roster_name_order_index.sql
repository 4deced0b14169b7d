-- The roster page in name order, with its count, from the index alone: a coordinator's page reads
-- the entries of their departments' physicians here and the table only for the 25 rows it shows
-- (before, every physician of the hospital, twice, from pages spread over the whole table). The
-- included columns are those the page's filters read. It serves lookups by department as the
-- index it replaces did. An administrator's page walks the second one in name order.
create index physician_department_name_idx on physician (department_id, name, id) include (active, email);
drop index physician_department_idx;
create index physician_name_order_idx on physician (name, id);

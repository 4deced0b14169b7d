-- Conflicts a supporter declares themselves ("I know this colleague too well"). Matching honours
-- them like a coordinator's, but only the supporter sees them, so a coordinator cannot tell a
-- supporter left off a case for this from one left off because they referred the case anonymously.
create table supporter_private_conflict (
    supporter_id  bigint not null references supporter (id) on delete cascade,
    physician_id  bigint not null references physician (id),
    primary key (supporter_id, physician_id)
);

-- The work queue's counts at every view of a coordinator's home page and navigation, read from
-- the index alone: the open cases of the coordinator's hospitals with what the counts test.
create index referral_attention_idx on referral (hospital_id) include (status, urgent, created_at, due_at)
    where status <> 'CLOSED';

-- Certifications about to run out, and the supporters who cover departments.
create index supporter_certification_idx on supporter (hospital_id) include (status, certified_on);

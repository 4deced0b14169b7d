-- Who referred whom is deleted once a case has been closed for the retention period; the case
-- keeps only how many referrals it had, so the program's figures survive. (No index is needed:
-- the job reads referral_request, which holds only the referrers not yet forgotten.)
alter table referral add column forgotten_referrals integer not null default 0;

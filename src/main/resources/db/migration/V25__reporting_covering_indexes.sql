-- The dashboard reads the hospital and program grains of the summaries by grain, hospital and
-- month; these indexes hold every column it sums, so PostgreSQL answers from the index alone
-- (ReportingRefresh vacuums the summaries after each refresh, which keeps that possible).
create index report_reach_read_idx on report_reach (grain, hospital_id, month, prev_month)
    include (scope, physicians);
create index report_referral_read_idx on report_referral (grain, hospital_id, month)
    include (source, trigger_kind, referrals, contacted, due, within_target);
create index report_first_contact_read_idx on report_first_contact (grain, hospital_id, month, tenths)
    include (referrals);
create index report_interaction_read_idx on report_interaction (grain, hospital_id, month)
    include (interactions, connected, escalations, proactive);

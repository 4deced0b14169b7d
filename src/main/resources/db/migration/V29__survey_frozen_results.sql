-- A campaign's results exist only once it has closed, and are frozen then: the suppression
-- thresholds in force at closing are kept with the campaign, so lowering or raising a setting
-- later never changes what a closed campaign shows (two snapshots cannot be compared).
alter table survey_campaign add column min_group_size integer, add column min_free_text_size integer;
update survey_campaign c
   set min_group_size = ps.survey_min_group_size, min_free_text_size = ps.survey_min_free_text_size
  from program_settings ps
 where c.state = 'CLOSED';
alter table survey_campaign add constraint survey_campaign_frozen_thresholds
    check (state <> 'CLOSED' or (min_group_size >= 5 and min_free_text_size >= 10));

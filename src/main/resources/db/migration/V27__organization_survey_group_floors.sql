-- Survey figures are shown for groups of at least 5 respondents and free text for at least 10;
-- below that one person's answers can be told apart, so no setting may go lower (ProgramSettings
-- refuses it, and so does the database).
update program_settings
   set survey_min_group_size = greatest(survey_min_group_size, 5),
       survey_min_free_text_size = greatest(survey_min_free_text_size, 10, survey_min_group_size);
alter table program_settings
    add constraint program_settings_survey_floors check (survey_min_group_size >= 5 and survey_min_free_text_size >= 10);

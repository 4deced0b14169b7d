-- The address an invitation goes to is fixed when the campaign opens: a later change of the
-- roster's e-mail never redirects an invitation or a reminder to someone else.
alter table survey_invitation add column email varchar(254);
update survey_invitation i set email = p.email from physician p where p.id = i.physician_id;
alter table survey_invitation alter column email set not null;

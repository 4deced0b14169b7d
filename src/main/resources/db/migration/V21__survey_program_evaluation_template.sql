-- The built-in program evaluation, after POST's (Tolins et al., PLoS One 2023): yes/no and Likert
-- items and one free-text question. Questions 3 to 5 are asked only of those who had a peer
-- support interaction. Editing it in the app makes a new version; this one stays as it is once used.
with template as (
    insert into survey_template (family, revision, name)
    values ('6f1c2b7e-3a4d-4e5f-9a8b-0c1d2e3f4a5b', 1, 'Program evaluation')
    returning id
), gate as (
    insert into survey_question (template_id, position, kind, text, required)
    select id, 1, 'YES_NO',
           'In the past 12 months, have you had a peer support interaction (a conversation with a peer supporter from the program)?',
           true
    from template
    returning id, template_id
)
insert into survey_question (template_id, position, kind, text, required, low_label, high_label, shown_if_yes_to)
select gate.template_id, q.position, q.kind, q.text, q.required, q.low_label, q.high_label,
       case when q.conditional then gate.id end
from gate, (values
    (2, 'YES_NO', 'Would you recommend the peer support program to another department?', true, null, null, false),
    (3, 'LIKERT', 'After my peer support interaction, my well-being improved.', false,
        'Strongly disagree', 'Strongly agree', true),
    (4, 'LIKERT', 'After my peer support interaction, negative emotions such as guilt, shame or anxiety eased.', false,
        'Strongly disagree', 'Strongly agree', true),
    (5, 'LIKERT', 'After my peer support interaction, I feel less stigma about seeking help.', false,
        'Strongly disagree', 'Strongly agree', true),
    (6, 'LIKERT', 'Since the program started, the culture of my department has changed for the better.', false,
        'Strongly disagree', 'Strongly agree', false),
    (7, 'FREE_TEXT', 'Is there anything else you would like to tell the program? Please leave out names and details that could identify anyone.', false,
        null, null, false)
) as q (position, kind, text, required, low_label, high_label, conditional);

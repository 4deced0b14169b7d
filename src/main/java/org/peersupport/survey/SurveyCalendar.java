package org.peersupport.survey;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.peersupport.survey.domain.Campaign;
import org.peersupport.survey.domain.CampaignRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every hour: opens scheduled campaigns whose opening day has come, and closes campaigns whose
 * closing day has passed, each in its hospital's time zone. Both are idempotent: a campaign
 * already opened or closed is left as it is.
 */
@Component
public class SurveyCalendar {

    private static final Logger log = LoggerFactory.getLogger(SurveyCalendar.class);

    private final CampaignRepository campaigns;

    private final CampaignService service;

    private final Clock clock;

    SurveyCalendar(CampaignRepository campaigns, CampaignService service, Clock clock) {
        this.campaigns = campaigns;
        this.service = service;
        this.clock = clock;
    }

    @Scheduled(cron = "0 5 * * * *")
    @SchedulerLock(name = "survey-calendar", lockAtMostFor = "PT30M")
    public void run() {
        // The latest "today" anywhere on Earth; each campaign is then checked in its own zone.
        LocalDate latestToday = LocalDate.ofInstant(clock.instant(), ZoneOffset.ofHours(14));
        for (Campaign campaign : campaigns.dueOnOrBefore(latestToday)) {
            try {
                service.openIfDue(campaign.getId());
                service.closeIfOver(campaign.getId());
            }
            catch (RuntimeException ex) {
                log.error("Survey calendar: campaign {} could not be opened or closed", campaign.getId(), ex);
            }
        }
    }
}

package org.peersupport.reporting.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.peersupport.reporting.Dashboard;
import org.peersupport.reporting.Dashboard.Count;
import org.peersupport.reporting.Dashboard.Figure;
import org.peersupport.reporting.Dashboard.Hours;
import org.peersupport.reporting.Dashboard.Outcome;
import org.peersupport.reporting.Dashboard.Quarter;
import org.peersupport.reporting.Dashboard.Share;
import org.peersupport.reporting.SurveyMeasure;
import org.peersupport.survey.Proportion;
import org.springframework.context.MessageSource;

/**
 * The dashboard's tables as plain rows of text, for the CSV exports and the study table: figures
 * as numbers (shares in percent to one decimal, with their 95% Wilson interval in columns of
 * their own), labels in the reader's language. A hidden count of people (see the dashboard's
 * {@code Figure}) is the word for hidden, in the same cells as on the page, and never its number.
 */
final class ReportTables {

    static final List<String> NAMES = List.of("reach", "sources", "triggers", "adoption", "effectiveness",
            "implementation", "trend", "study");

    record Table(List<String> header, List<List<String>> rows) {
    }

    private final MessageSource messages;

    private final Locale locale;

    ReportTables(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    Table table(String name, Dashboard d) {
        return switch (name) {
            case "reach" -> figures(List.of(
                    count("report.reach.physicians", d.reach().physicians()),
                    share("report.reach.share", d.reach().shareOfAdoptedRoster()),
                    count("report.reach.referrals", d.reach().referrals())));
            case "sources" -> counts("report.source", "source.", d.reach().bySource(), d);
            case "triggers" -> counts("report.trigger", "trigger.", d.reach().byTrigger(), d);
            case "adoption" -> figures(List.of(
                    count("report.adoption.departments", d.adoption().departments()),
                    share("report.adoption.adopted", d.adoption().adoptedShare()),
                    count("report.adoption.roster", d.adoption().roster()),
                    share("report.adoption.coverage", d.adoption().coverage())));
            case "effectiveness" -> effectiveness(d);
            case "implementation" -> figures(List.of(
                    count("report.impl.trained", d.implementation().supportersTrained()),
                    count("report.impl.certified", d.implementation().supportersCertified()),
                    hours("report.impl.median", d.implementation().medianHours()),
                    hours("report.impl.p90", d.implementation().p90Hours()),
                    share("report.impl.withinTarget", d.implementation().withinTarget()),
                    count("report.impl.interactions", d.implementation().interactions()),
                    count("report.impl.successful", d.implementation().successfulInteractions()),
                    count("report.impl.proactive", d.implementation().proactiveInteractions()),
                    count("report.impl.escalations", d.implementation().escalations())));
            case "trend" -> trend(d);
            case "study" -> study(d);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private Table figures(List<List<String>> rows) {
        return new Table(List.of(text("report.csv.figure"), text("report.csv.value"), text("report.csv.percent"),
                text("report.csv.low"), text("report.csv.high")), rows);
    }

    private List<String> count(String key, Figure value) {
        return List.of(text(key), value(value), "", "", "");
    }

    private List<String> hours(String key, Hours value) {
        return List.of(text(key), hours(value), "", "", "");
    }

    /** A share as count, percent and interval; a hidden one says so, with no figure in any column. */
    private List<String> share(String key, Share share) {
        if (share.hidden()) {
            return List.of(text(key), text("report.hidden"), "", "", "");
        }
        Proportion p = share.proportion();
        return List.of(text(key), p == null ? "0" : String.valueOf(p.count()), percent(p),
                p == null ? "" : percent(p.low()), p == null ? "" : percent(p.high()));
    }

    private Table counts(String header, String prefix, List<Count> counts, Dashboard d) {
        List<List<String>> rows = new ArrayList<>();
        for (Count count : counts) {
            rows.add(List.of(text(prefix + count.key()), value(count.count())));
        }
        if (d.smallGroup()) {
            // Which sources or triggers occurred is itself a count: a small department lists none.
            rows.add(List.of(text("report.hidden.rows"), text("report.hidden")));
        }
        return new Table(List.of(text(header), text("report.referrals")), rows);
    }

    private Table effectiveness(Dashboard d) {
        List<List<String>> rows = new ArrayList<>();
        String hidden = text("report.survey.none", d.effectiveness().minGroupSize());
        for (Outcome outcome : d.effectiveness().outcomes()) {
            Proportion p = outcome.share();
            rows.add(p == null ? List.of(text("report.measure." + outcome.measure()), "", "", "", "", "", hidden)
                    : List.of(text("report.measure." + outcome.measure()), String.valueOf(p.count()),
                            String.valueOf(p.of()), percent(p), percent(p.low()), percent(p.high()), ""));
        }
        return new Table(List.of(text("report.csv.measure"), text("report.csv.yes"), text("report.csv.of"),
                text("report.csv.percent"), text("report.csv.low"), text("report.csv.high"), text("report.csv.note")),
                rows);
    }

    private Table trend(Dashboard d) {
        List<List<String>> rows = new ArrayList<>();
        for (Quarter q : d.trend()) {
            rows.add(List.of(q.label(), value(q.reached()), value(q.successfulInteractions()),
                    value(q.interactions()), value(q.referrals()), hours(q.medianHours()),
                    percent(q.withinTarget()), value(q.escalations()), value(q.supportersTrained()),
                    percent(q.hadInteraction()), percent(q.recommend())));
        }
        return new Table(List.of(text("report.quarter"), text("report.trend.reached"), text("report.trend.successful"),
                text("report.trend.interactions"), text("report.trend.referrals"), text("report.trend.median"),
                text("report.trend.withinTarget"), text("report.trend.escalations"), text("report.trend.trained"),
                text("report.trend.hadInteraction"), text("report.trend.recommend")), rows);
    }

    /** The POST study's headline results (Tolins et al. 2023), and the program's own for the period. */
    Table study(Dashboard d) {
        Proportion had = d.effectiveness().of(SurveyMeasure.HAD_INTERACTION).share();
        Proportion recommend = d.effectiveness().of(SurveyMeasure.RECOMMEND).share();
        String none = text("report.survey.none", d.effectiveness().minGroupSize());
        List<List<String>> rows = List.of(
                List.of(text("report.study.trained"), grouped(d.implementation().supportersTrained()),
                        text("report.study.post.trained")),
                List.of(text("report.study.departments"), grouped(d.adoption().adopted()),
                        text("report.study.post.departments")),
                List.of(text("report.study.reached"), grouped(d.reach().physicians()),
                        text("report.study.post.reached")),
                List.of(text("report.study.hadInteraction"), had == null ? none : shareText(had),
                        text("report.study.post.hadInteraction")),
                List.of(text("report.study.successful"), grouped(d.implementation().successfulInteractions()),
                        text("report.study.post.successful")),
                List.of(text("report.study.recommend"), recommend == null ? none : shareText(recommend),
                        text("report.study.post.recommend")));
        return new Table(List.of(text("report.study.measure"),
                text("report.study.program", d.filter().from().toString(), d.filter().to().toString()),
                text("report.study.post")), rows);
    }

    /** A count of people, or the word for hidden: never the number of a hidden count. */
    private String value(Figure figure) {
        return figure.hidden() ? text("report.hidden") : String.valueOf(figure.value());
    }

    private String hours(Hours hours) {
        return hours.hidden() ? text("report.hidden")
                : hours.value() == null ? "" : String.format(Locale.ROOT, "%.1f", hours.value());
    }

    private String percent(Share share) {
        return share.hidden() ? text("report.hidden") : percent(share.proportion());
    }

    private String shareText(Proportion p) {
        return text("report.study.share", percent(p), percent(p.low()), percent(p.high()), p.count(), p.of());
    }

    /** Counts in the study table are read by people: with the reader's thousands separator. */
    private String grouped(long count) {
        return java.text.NumberFormat.getIntegerInstance(locale).format(count);
    }

    private String grouped(Figure figure) {
        return figure.hidden() ? text("report.hidden") : grouped(figure.value());
    }

    private static String percent(Proportion p) {
        return p == null ? "" : percent(p.estimate());
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f", share * 100);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}

package org.peersupport.survey;

/** How the e-mails of a campaign are going: waiting, sent, and refused by the mail server. */
public record MailProgress(int queued, int sent, int failed) {

    public int total() {
        return queued + sent + failed;
    }

    public boolean sending() {
        return queued > 0;
    }

    public int percentDone() {
        return total() == 0 ? 100 : (int) Math.floor(100.0 * (sent + failed) / total());
    }
}

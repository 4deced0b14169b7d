package org.peersupport.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.peersupport.survey.QuestionView;

import static org.assertj.core.api.Assertions.assertThat;

/** The program evaluation's answering page, as an invitee fills it in: the questions asked after a yes show only then. */
final class ProgramEvaluationForm {

    private final Browser browser;

    private final List<QuestionView> questions;

    ProgramEvaluationForm(Browser browser, List<QuestionView> questions) {
        this.browser = browser;
        this.questions = questions;
    }

    /** Answers every question, yes or no to "did you have an interaction", and sends the answers. */
    void answer(boolean hadInteraction, Runnable beforeSending) {
        WebElement conditional = browser.driver().findElement(By.cssSelector("[data-shown-if]"));
        assertThat(conditional.isDisplayed()).as("asked only after a yes").isFalse();
        choose(questions.get(0), hadInteraction ? 1 : 0);
        choose(questions.get(1), 1);
        if (hadInteraction) {
            browser.waitUntil(ExpectedConditions.visibilityOf(conditional));
            choose(questions.get(2), 4);
            choose(questions.get(3), 5);
            choose(questions.get(4), 3);
        }
        else {
            assertThat(conditional.isDisplayed()).isFalse();
        }
        choose(questions.get(5), 4);
        browser.type(By.id(questions.get(6).field()), "Kind colleagues.");
        beforeSending.run();
        browser.driver().findElement(By.xpath("//main//button[normalize-space()='Send my answers']")).click();
        browser.waitForHeading("Thank you");
        assertThat(browser.path()).isEqualTo("/s/thanks");
    }

    private void choose(QuestionView question, int value) {
        WebElement label = browser.find(By.cssSelector("label[for='" + question.field() + "-" + value + "']"));
        label.click();
        assertThat(browser.driver().findElement(By.id(question.field() + "-" + value)).isSelected()).isTrue();
    }
}

package org.peersupport.web;

import java.util.Optional;
import java.util.function.Supplier;

import org.peersupport.shared.RuleViolationException;
import org.springframework.validation.BindingResult;

/** Turns the rules a change broke into errors on the form that asked for it. */
public final class FormErrors {

    private FormErrors() {
    }

    /**
     * Makes a change for a form that bound without errors. A rule it breaks becomes an error on the
     * form instead. Returns whether the change was made.
     */
    public static boolean attempt(BindingResult result, Runnable change) {
        if (result.hasErrors()) {
            return false;
        }
        try {
            change.run();
            return true;
        }
        catch (RuleViolationException ex) {
            reject(ex, result);
            return false;
        }
    }

    /** As {@link #attempt(BindingResult, Runnable)}, for a change that answers something: empty when refused. */
    public static <T> Optional<T> attemptToGet(BindingResult result, Supplier<T> change) {
        if (result.hasErrors()) {
            return Optional.empty();
        }
        try {
            return Optional.of(change.get());
        }
        catch (RuleViolationException ex) {
            reject(ex, result);
            return Optional.empty();
        }
    }

    /**
     * For a form that did not bind: records the domain's rules that the values it could read
     * already break, so the person sees every problem at once rather than one more on the next
     * submit. A field that already has its error keeps it alone; a rule on the whole form is added
     * only when the form has no such error yet.
     */
    public static void alsoBroken(BindingResult result, java.util.List<RuleViolationException> rules) {
        for (RuleViolationException rule : rules) {
            if (rule.field() == null ? !result.hasGlobalErrors() : !result.hasFieldErrors(rule.field())) {
                reject(rule, result);
            }
        }
    }

    /** Records every rule the exception names next to its field, or on the form itself. */
    public static void reject(RuleViolationException ex, BindingResult result) {
        for (RuleViolationException rule : ex.violations()) {
            if (rule.field() == null) {
                result.reject(rule.messageKey(), rule.arguments(), rule.messageKey());
            }
            else {
                result.rejectValue(rule.field(), rule.messageKey(), rule.arguments(), rule.messageKey());
            }
        }
    }
}

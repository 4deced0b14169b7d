package org.peersupport.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * A business rule refused a change. It names the form field at fault (or none, for the whole
 * change) and the message to show there; the web layer turns it into an error next to that field,
 * on the form the user just sent, so nothing they typed is lost.
 */
public class RuleViolationException extends RuntimeException {

    private final String field;

    private final String messageKey;

    private final transient Object[] arguments;

    /** Further rules broken by the same change, so a form shows every problem at once. */
    private final List<RuleViolationException> others;

    public RuleViolationException(String field, String messageKey, Object... arguments) {
        this(field, messageKey, arguments, List.of());
    }

    private RuleViolationException(String field, String messageKey, Object[] arguments,
            List<RuleViolationException> others) {
        super(messageKey, null, false, false);
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments;
        this.others = others;
    }

    /** Throws one exception for every rule broken, if any was; the first one names the exception. */
    public static void throwIfAny(List<RuleViolationException> violations) {
        if (!violations.isEmpty()) {
            RuleViolationException first = violations.get(0);
            throw new RuleViolationException(first.field, first.messageKey, first.arguments,
                    List.copyOf(violations.subList(1, violations.size())));
        }
    }

    /** The form field at fault, or null when the change as a whole was refused. */
    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /** This rule and every further one the same change broke, in the order they were found. */
    public List<RuleViolationException> violations() {
        List<RuleViolationException> all = new ArrayList<>();
        all.add(new RuleViolationException(field, messageKey, arguments));
        others.forEach(other -> all.addAll(other.violations()));
        return all;
    }
}

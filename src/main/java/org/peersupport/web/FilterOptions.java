package org.peersupport.web;

import java.util.List;

import org.peersupport.shared.Choice;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The options of the hospital and department filters ({@code fragments/filters}), written as one
 * piece of HTML instead of three template expressions per option: an administrator's filter lists
 * every hospital of a national program on every list page, and evaluating a hundred options one
 * expression at a time took half the CPU of the dashboard. Every label is escaped here, so the
 * template may insert the result unescaped. Templates call it as {@code #filterOptions.html(..)}.
 */
@Component
public class FilterOptions extends TemplateObject {

    FilterOptions() {
        super("filterOptions");
    }

    /** {@code <option>} elements for the choices, the one whose id is {@code selected} selected. */
    public String html(List<? extends Choice> choices, Object selected) {
        Long chosen = selected instanceof Number n ? Long.valueOf(n.longValue()) : null;
        StringBuilder html = new StringBuilder(choices.size() * 48);
        for (Choice choice : choices) {
            html.append("<option value=\"").append(choice.id()).append('"');
            if (chosen != null && chosen == choice.id()) {
                html.append(" selected");
            }
            html.append('>').append(HtmlUtils.htmlEscape(choice.label(), "UTF-8")).append("</option>");
        }
        return html.toString();
    }

    @Override
    Object forPage() {
        return this;
    }
}

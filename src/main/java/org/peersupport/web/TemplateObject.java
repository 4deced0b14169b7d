package org.peersupport.web;

import java.util.Set;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * An object templates reach as {@code #name}, made once per page. Unlike a bean ({@code @name}),
 * it may be called where Thymeleaf restricts expressions, such as {@code th:utext}.
 */
abstract class TemplateObject extends AbstractDialect implements IExpressionObjectDialect {

    private final String name;

    TemplateObject(String name) {
        super(name);
        this.name = name;
    }

    /** The object for one page. */
    abstract Object forPage();

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {

            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(name);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return forPage();
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}

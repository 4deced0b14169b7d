package org.peersupport.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.PropertyAccessException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.annotation.ValidationAnnotationUtils;
import org.springframework.web.servlet.support.ExtendedServletRequestDataBinder;

/**
 * Binds every form the same way, whatever the request holds, so that a form record is always made
 * and its page can always be shown again with a message next to each field at fault.
 *
 * <p>Spring's own constructor binding, on a value it cannot convert, makes the record anyway but
 * leaves the binding result without it: the page then fails on a null form, and Bean Validation
 * is skipped, so the other fields' errors only show on the next submit. Here a value that does not
 * convert is set aside instead: the record is made without it (null), then the value is rejected
 * on its field, as typed, and the whole form is validated as usual.
 *
 * <p>Primitive fields are the ones a page fills in itself: a hidden {@code long version}, or a
 * {@code boolean} checkbox. An unticked box is not sent at all, so a missing {@code boolean} is
 * false. Any other primitive that is missing or unreadable came from a request no page sends,
 * which is answered with a 400 ({@link MalformedRequestException}).
 */
class FormDataBinder extends ExtendedServletRequestDataBinder {

    FormDataBinder(Object target, String objectName) {
        super(target, objectName);
        setBindingErrorProcessor(new DefaultBindingErrorProcessor() {
            @Override
            public void processPropertyAccessException(PropertyAccessException ex, BindingResult result) {
                // Setter-bound forms: the same rule for the fields a page fills in itself.
                if (ex instanceof TypeMismatchException mismatch && mismatch.getRequiredType() != null
                        && mismatch.getRequiredType().isPrimitive()) {
                    throw new MalformedRequestException(ex.getPropertyName());
                }
                super.processPropertyAccessException(ex, result);
            }
        });
    }

    @Override
    public void construct(ValueResolver values) {
        Map<String, MethodParameter> fields = constructorParameters();
        List<TypeMismatchException> setAside = new ArrayList<>();
        super.construct(new ValueResolver() {
            @Override
            public Object resolveValue(String name, Class<?> type) {
                Object value = values.resolveValue(name, type);
                MethodParameter field = fields.get(name);
                if (field == null) {
                    return value;
                }
                if (value == null) {
                    if (type == boolean.class) {
                        return Boolean.FALSE;
                    }
                    if (type.isPrimitive()) {
                        throw new MalformedRequestException(name);
                    }
                    return null;
                }
                try {
                    convertIfNecessary(value, type, field);
                    return value;
                }
                catch (TypeMismatchException ex) {
                    if (type.isPrimitive()) {
                        throw new MalformedRequestException(name);
                    }
                    ex.initPropertyName(name);
                    setAside.add(ex);
                    return null;
                }
            }

            @Override
            public Set<String> getNames() {
                return values.getNames();
            }
        });
        if (setAside.isEmpty() || getTarget() == null) {
            return;
        }
        for (TypeMismatchException ex : setAside) {
            getBindingErrorProcessor().processPropertyAccessException(ex, getBindingResult());
        }
        // The caller skips validation once binding has failed; the other fields deserve their messages now.
        Object[] hints = validationHints();
        if (hints != null) {
            validate(hints);
        }
    }

    /** The form's constructor parameters by request name: only the top level, as every form is flat. */
    private Map<String, MethodParameter> constructorParameters() {
        Map<String, MethodParameter> parameters = new HashMap<>();
        ResolvableType type = getTargetType();
        Class<?> form = type == null ? null : type.resolve();
        if (form == null || BeanUtils.isSimpleValueType(form)) {
            return parameters;
        }
        Constructor<?> constructor = BeanUtils.getResolvableConstructor(form);
        String[] names = BeanUtils.getParameterNames(constructor);
        for (int i = 0; i < names.length; i++) {
            MethodParameter parameter = MethodParameter.forFieldAwareConstructor(constructor, i, names[i]);
            String name = getNameResolver() == null ? null : getNameResolver().resolveName(parameter);
            parameters.put(name != null ? name : names[i], parameter);
        }
        return parameters;
    }

    /** Whether the handler asked for validation (@Valid, @Validated), and with which groups. */
    private Object[] validationHints() {
        if (getTargetType() != null && getTargetType().getSource() instanceof MethodParameter parameter) {
            for (Annotation annotation : parameter.getParameterAnnotations()) {
                Object[] hints = ValidationAnnotationUtils.determineValidationHints(annotation);
                if (hints != null) {
                    return hints;
                }
            }
        }
        return null;
    }
}

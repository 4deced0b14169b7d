package org.peersupport.web;

import java.beans.PropertyEditorSupport;

import jakarta.servlet.http.HttpServletResponse;
import org.peersupport.shared.NotFoundException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The same answer everywhere for the usual failures: a 404 page for records that are not there
 * (or not the caller's), a 409 page for edits that lost a race, a 400 page for requests that no
 * page sends, and never a stack trace.
 */
@ControllerAdvice
class GlobalControllerAdvice {

    /** Limits what any bound form field may carry, whatever its own validation says. */
    static final int MAX_FIELD_LENGTH = 10_000;

    @InitBinder
    void initBinder(WebDataBinder binder) {
        // Trimmed, blank as null, and without NUL characters: PostgreSQL cannot store them in text,
        // so one pasted into any field would otherwise fail the save instead of being ignored.
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true) {
            @Override
            public void setAsText(String text) {
                super.setAsText(text == null ? null : text.replace("\u0000", ""));
            }
        });
        // Passwords are taken exactly as typed: leading or trailing spaces are part of them.
        for (String field : new String[] {"password", "currentPassword", "newPassword"}) {
            binder.registerCustomEditor(String.class, field, new PropertyEditorSupport() {
                @Override
                public void setAsText(String text) {
                    setValue(text);
                }
            });
        }
    }

    @ExceptionHandler({NotFoundException.class, NoResourceFoundException.class})
    String notFound(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "error/404";
    }

    /**
     * An id in the path that cannot be read names nothing, so it is not found. Any other value that
     * cannot be read (a query parameter, a hidden field or button value) came from a request that no
     * page sends. Form fields never get here: {@link FormDataBinder} puts their errors on the form.
     */
    @ExceptionHandler(TypeMismatchException.class)
    String unreadable(TypeMismatchException ex, HttpServletResponse response) {
        if (ex instanceof MethodArgumentTypeMismatchException argument
                && argument.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return notFound(response);
        }
        return badRequest(response);
    }

    /**
     * Lost races: a stale version, or a unique name or e-mail taken by someone else between our
     * check and our insert. Either way the other person's change stands and ours was not saved.
     */
    @ExceptionHandler({OptimisticLockingFailureException.class, DataIntegrityViolationException.class})
    String conflict(HttpServletResponse response) {
        response.setStatus(HttpStatus.CONFLICT.value());
        return "error/409";
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MultipartException.class,
            MalformedRequestException.class})
    String badRequest(HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return "error/4xx";
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletResponse response) {
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        return "error/4xx";
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    String methodNotAllowed(HttpServletResponse response) {
        response.setStatus(HttpStatus.METHOD_NOT_ALLOWED.value());
        return "error/4xx";
    }
}

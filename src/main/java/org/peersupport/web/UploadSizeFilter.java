package org.peersupport.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns away an oversized upload before anything reads its body. Without it the CSRF check would
 * parse the multipart body, fail on the size, and answer a confusing 403. Instead the person is
 * sent back to the same page, which says the file is too large.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class UploadSizeFilter extends OncePerRequestFilter {

    private final long maxBytes;

    UploadSizeFilter(@Value("${spring.servlet.multipart.max-request-size}") DataSize maxRequestSize) {
        this.maxBytes = maxRequestSize.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        boolean multipart = contentType != null && contentType.toLowerCase().startsWith("multipart/");
        if (multipart && request.getContentLengthLong() > maxBytes) {
            response.setStatus(HttpStatus.SEE_OTHER.value());
            response.setHeader("Location", request.getContextPath() + request.getServletPath() + "?tooLarge");
            response.setHeader("Connection", "close");
            return;
        }
        chain.doFilter(request, response);
    }
}

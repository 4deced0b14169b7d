package org.peersupport.web;

import java.util.List;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.InitBinderDataBinderFactory;
import org.springframework.web.method.support.InvocableHandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;

/** Every controller binds its forms and parameters with {@link FormDataBinder}: one way, for every form. */
@Component
class FormBinding implements WebMvcRegistrations {

    @Override
    public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
        return new RequestMappingHandlerAdapter() {
            @Override
            protected InitBinderDataBinderFactory createDataBinderFactory(List<InvocableHandlerMethod> binderMethods) {
                return new ServletRequestDataBinderFactory(binderMethods, getWebBindingInitializer()) {
                    @Override
                    protected ServletRequestDataBinder createBinderInstance(Object target, String objectName,
                            NativeWebRequest request) {
                        return new FormDataBinder(target, objectName);
                    }
                };
            }
        };
    }
}

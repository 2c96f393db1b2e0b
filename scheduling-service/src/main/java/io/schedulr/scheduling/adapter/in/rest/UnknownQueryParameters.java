package io.schedulr.scheduling.adapter.in.rest;

import io.schedulr.kit.rest.ApiException;
import io.schedulr.kit.rest.Excerpt;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A query parameter the matched route does not take is refused with {@code 400 unknown_parameter}, naming it, rather than
 * ignored: {@code ?scope=mine&limt=5} would otherwise answer as if no limit had been asked for. The parameters a route
 * takes are its method's {@code @QueryParam}s (and those of a {@code @BeanParam}'s fields). Runs after the route is matched
 * and the caller authenticated, before the body is read.
 */
public class UnknownQueryParameters {
    private final Map<Method, Set<String>> taken = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Set<String> known = taken.computeIfAbsent(method, UnknownQueryParameters::queryParameters);
        for (String name : request.getUriInfo().getQueryParameters().keySet()) {
            if (!known.contains(name)) {
                throw ApiException.badRequest("unknown_parameter", "Query parameter '" + Excerpt.of(name) + "' is not part of this request"
                        + (known.isEmpty() ? "; it takes none." : "; it takes " + String.join(", ", known) + "."));
            }
        }
    }

    private static Set<String> queryParameters(Method method) {
        SortedSet<String> names = new TreeSet<>();
        Annotation[][] annotations = method.getParameterAnnotations();
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation a : annotations[i]) {
                if (a instanceof QueryParam q) {
                    names.add(q.value());
                } else if (a instanceof BeanParam) {
                    for (Field field : types[i].getDeclaredFields()) {
                        QueryParam q = field.getAnnotation(QueryParam.class);
                        if (q != null) {
                            names.add(q.value());
                        }
                    }
                }
            }
        }
        return Collections.unmodifiableSortedSet(names);
    }
}

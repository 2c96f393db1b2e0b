package io.schedulr.kit.rest;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The query parameters a resource method takes — its {@code @QueryParam}s and those of a {@code @BeanParam}'s fields — and
 * the refusal of any other: {@code 400 unknown_parameter} naming it and the ones the route takes, so that
 * {@code ?scope=mine&limt=5} is not answered as if no limit had been asked for. A service's request filter decides which
 * routes it applies to.
 */
public final class QueryParameters {
    private final Map<Method, Set<String>> taken = new ConcurrentHashMap<>();

    /** @throws ApiException 400 {@code unknown_parameter} for the first of {@code given} that {@code method} does not take */
    public void refuseUnknown(Method method, Collection<String> given) {
        refuseOutside(taken.computeIfAbsent(method, QueryParameters::takenBy), given);
    }

    /**
     * For a route that takes no query parameters and checks them itself (e.g. after a service key):
     *
     * @throws ApiException 400 {@code unknown_parameter} for the first of {@code given}
     */
    public static void refuseAny(Collection<String> given) {
        refuseOutside(Set.of(), given);
    }

    private static void refuseOutside(Set<String> known, Collection<String> given) {
        for (String name : given) {
            if (!known.contains(name)) {
                throw ApiException.badRequest("unknown_parameter", "Query parameter '" + Excerpt.of(name) + "' is not part of this request"
                        + (known.isEmpty() ? "; it takes none." : "; it takes " + String.join(", ", known) + "."));
            }
        }
    }

    static Set<String> takenBy(Method method) {
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

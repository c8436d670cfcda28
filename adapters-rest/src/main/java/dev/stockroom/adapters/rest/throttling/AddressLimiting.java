package dev.stockroom.adapters.rest.throttling;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Method;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Puts an {@link AddressLimitFilter} on each endpoint an {@link AddressLimit} names, found by its
 * declared path, and on nothing else: the catalogue's reads pay nothing for the limits.
 */
public final class AddressLimiting implements DynamicFeature {
    // Before authentication (Priorities.AUTHENTICATION), so that a refused request costs no session look-up.
    static final int PRIORITY = Priorities.AUTHENTICATION - 100;

    private final AddressLimits limits;

    private AddressLimiting(AddressLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public static void register(Consumer<Object> jersey, AddressLimits limits) {
        jersey.accept(new AddressLimiting(limits));
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        if (method == null || !method.isAnnotationPresent(POST.class)) {
            return;
        }
        String path = pathOf(resource.getResourceClass(), method);
        for (AddressLimit limit : AddressLimit.values()) {
            if (limit.path().equals(path)) {
                context.register(new AddressLimitFilter(limit, limits.policy(limit), limits.limiter()), PRIORITY);
            }
        }
    }

    /** The class's and the method's {@code @Path} joined: {@code /users/password/forget}. */
    static String pathOf(Class<?> resourceClass, Method method) {
        Path classPath = resourceClass == null ? null : resourceClass.getAnnotation(Path.class);
        Path methodPath = method.getAnnotation(Path.class);
        String joined = "/" + (classPath == null ? "" : classPath.value()) + "/"
                + (methodPath == null ? "" : methodPath.value());
        String path = joined.replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}

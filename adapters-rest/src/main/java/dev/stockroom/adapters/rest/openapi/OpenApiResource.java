package dev.stockroom.adapters.rest.openapi;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.core.util.Yaml31;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.models.OpenAPI;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashSet;
import java.util.Set;
import org.glassfish.jersey.server.ExtendedResourceContext;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.model.ResourceModel;

/**
 * Serves the OpenAPI document of every resource Jersey serves, this one included: read from
 * Jersey's resource model on the first request (the model is complete only once Jersey has
 * started) and kept.
 */
@Path("/")
@Tag(name = "Contract", description = "This API's OpenAPI 3.1 document; the page at /docs/ shows it.")
public final class OpenApiResource {
    public static final String YAML = "application/yaml";

    private volatile OpenAPI document;

    @GET
    @Path("/openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "This document, as JSON",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The OpenAPI 3.1 document.",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(type = "object"))))
    public String json(@Context ExtendedResourceContext jersey) throws Exception {
        return Json31.pretty(document(jersey.getResourceModel()));
    }

    @GET
    @Path("/openapi.yaml")
    @Produces(YAML)
    @Operation(
            summary = "This document, as YAML",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The OpenAPI 3.1 document.",
                            content = @Content(mediaType = YAML, schema = @Schema(type = "string"))))
    public String yaml(@Context ExtendedResourceContext jersey) throws Exception {
        return Yaml31.pretty(document(jersey.getResourceModel()));
    }

    private OpenAPI document(ResourceModel model) {
        OpenAPI built = document;
        if (built == null) {
            synchronized (this) {
                built = document;
                if (built == null) {
                    built = OpenApiDocument.of(resourceClasses(model));
                    document = built;
                }
            }
        }
        return built;
    }

    /** The classes behind every resource method of the model, root resources and their children. */
    static Set<Class<?>> resourceClasses(ResourceModel model) {
        Set<Class<?>> classes = new LinkedHashSet<>();
        for (Resource resource : model.getRootResources()) {
            collect(resource, classes);
        }
        return classes;
    }

    private static void collect(Resource resource, Set<Class<?>> classes) {
        classes.addAll(resource.getHandlerClasses());
        for (ResourceMethod method : resource.getAllMethods()) {
            classes.add(method.getInvocable().getHandler().getHandlerClass());
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, classes);
        }
    }
}

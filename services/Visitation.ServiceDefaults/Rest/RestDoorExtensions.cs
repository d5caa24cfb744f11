using System.Reflection;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.OpenApi.Models;

namespace Visitation.ServiceDefaults.Rest;

/// <summary>
/// The REST/JSON door for other systems (docs/rest-api.md): the calls whose proto declares a
/// <c>google.api.http</c> path are also served as JSON over HTTP/1.1 by gRPC JSON transcoding. They
/// are the same endpoints as the gRPC calls, so the same bearer token, access table, input rules and
/// handlers apply, and a refusal is the same status, written as a JSON <c>google.rpc.Status</c>.
/// </summary>
public static class RestDoorExtensions
{
    /// <summary>Where each service serves its OpenAPI document.</summary>
    public const string DocumentPath = "/openapi/v1.json";

    /// <summary>The route of the documents (one, <c>v1</c>).</summary>
    public const string DocumentRoute = "/openapi/{documentName}.json";

    private const string DocumentName = "v1";
    private const string BearerScheme = "bearer";

    /// <summary>
    /// Transcoding for the annotated calls, and their OpenAPI document generated from the protos;
    /// <paramref name="contracts"/> is the assembly of the service's generated gRPC classes, whose XML
    /// documentation (the protos' comments) describes the calls and messages.
    /// </summary>
    public static WebApplicationBuilder AddRestDoor(this WebApplicationBuilder builder, string serviceName, Assembly contracts)
    {
        builder.Services.AddGrpc().AddJsonTranscoding(transcoding =>
            // A refusal's details are packed in Any: JSON can name only the types it is told of, and
            // an unknown one would turn a 400 with its field violations into a failed response.
            transcoding.TypeRegistry = TypeRegistry.FromMessages(BadRequest.Descriptor));
        builder.Services.AddGrpcSwagger();
        builder.Services.AddSwaggerGen(swagger =>
        {
            swagger.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = $"Visitation {serviceName} API",
                Version = DocumentName,
                Description = "JSON transcoding of the service's public gRPC calls (docs/rest-api.md). " +
                    "Every call needs an access token of the identity service for this service's audience (client credentials for a machine client). " +
                    "A refusal is a google.rpc.Status: INVALID_ARGUMENT is HTTP 400 with a google.rpc.BadRequest naming every bad field.",
            });
            swagger.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = BearerScheme,
                BearerFormat = "JWT",
                Description = "An access token of the identity service (POST /connect/token, grant_type=client_credentials, scope = this service).",
            });
            swagger.AddSecurityRequirement(new OpenApiSecurityRequirement
            {
                [new OpenApiSecurityScheme { Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = BearerScheme } }] = [],
            });
            var comments = Path.ChangeExtension(contracts.Location, ".xml");
            if (File.Exists(comments))
            {
                swagger.IncludeGrpcXmlComments(comments, includeControllerXmlComments: true);
            }
        });
        return builder;
    }

    /// <summary>
    /// Serves the OpenAPI document at <see cref="DocumentPath"/>: to anyone on a developer's machine, to
    /// a caller with a valid token of this service anywhere else. Like server reflection, a map of the
    /// calls is not offered to whoever can connect (等保: minimal services exposed); an integrator
    /// reads the checked-in copy in docs/api/ before it has a client, and the live one with its token.
    /// </summary>
    public static WebApplication MapRestDoor(this WebApplication app)
    {
        var document = app.MapSwagger(DocumentRoute);
        if (app.Environment.IsDevelopment())
        {
            document.AllowAnonymous();
        }
        else
        {
            document.RequireAuthorization();
        }

        return app;
    }
}

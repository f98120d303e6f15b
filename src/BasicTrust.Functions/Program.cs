using BasicTrust.Functions;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// The Functions host starts this worker and drives it over gRPC; HTTP functions run in the worker's own ASP.NET Core.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<StorageUnavailable>();
// Every HTTP function needs a signed-in person (built-in authentication forwards who).
builder.UseMiddleware<RequirePrincipal>();
// Every case endpoint checks its route's ids and the caller's access to the case here, once ([CaseEndpoint]).
builder.UseMiddleware<CaseEdge>();
// Kestrel logs request URLs at Information, and a URL can carry a function key (?code=); the storage SDK logs every
// request and its headers at Information.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning).AddFilter("Azure.Core", LogLevel.Warning);
builder.Services
    .AddPipelineSettings()
    .AddPipelineStorage(builder.Configuration)
    .AddPipelineServices()
    .AddPipelineTelemetry(builder.Configuration);

var app = builder.Build();
await app.Services.PrepareAsync();
app.Run();

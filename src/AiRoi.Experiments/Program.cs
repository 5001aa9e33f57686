using AiRoi.Experiments;
using AiRoi.Experiments.Status;
using AiRoi.ServiceDefaults;
using MassTransit;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDataSource(ExperimentsDatabase.ConnectionName);
builder.Services.AddMassTransit(bus =>
{
    bus.SetKebabCaseEndpointNameFormatter();
    bus.UsingRabbitMq((context, rabbit) =>
    {
        var broker = builder.Configuration.GetConnectionString(ExperimentsDatabase.BrokerConnectionName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{ExperimentsDatabase.BrokerConnectionName} is not set; the app host provides it.");
        rabbit.Host(new Uri(broker));
        rabbit.ConfigureEndpoints(context);
    });
});
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();

var app = builder.Build();

app.MapOpenApi();
if (app.Environment.IsDevelopment())
{
    app.MapScalarApiReference();
}
app.MapDefaultEndpoints();
app.MapStatusApiV1();

app.Run();

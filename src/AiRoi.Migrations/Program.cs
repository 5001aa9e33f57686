using AiRoi.Migrations;
using AiRoi.ServiceDefaults;

// Runs to completion and exits: the app host starts the services only after this has succeeded
// (WaitForCompletion), so no service ever migrates at its own start-up.
var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddSingleton<SchemaMigrator>();

using var host = builder.Build();
var migrator = host.Services.GetRequiredService<SchemaMigrator>();
foreach (var database in ServiceDatabase.All)
{
    migrator.Migrate(database);
}

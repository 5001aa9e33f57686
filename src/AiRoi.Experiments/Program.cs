using AiRoi.Contracts.Messages;
using AiRoi.Experiments;
using AiRoi.Experiments.Analysis;
using AiRoi.Experiments.Assignment;
using AiRoi.Experiments.DeadLetters;
using AiRoi.Experiments.Lifecycle;
using AiRoi.Experiments.Outcomes;
using AiRoi.Experiments.Results;
using AiRoi.Experiments.Status;
using AiRoi.ServiceDefaults;
using AiRoi.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddAiRoiApi(ExperimentsDatabase.ConnectionName);
builder.AddAiRoiBus(Broker.ConnectionName, bus => bus.AddConsumer<ExperimentEventsRecordedConsumer>(typeof(ExperimentEventsRecordedConsumerDefinition)),
    readDirectly: typeof(ExperimentEventsRecorded));
builder.Services.AddSingleton<OutcomeStore>();
builder.Services.AddSingleton<ResultsStore>();
builder.Services.AddSingleton<AnalysisStore>();
builder.Services.AddSingleton<ConclusionPublisher>();
builder.Services.AddHostedService<PeriodicAnalysis>();
builder.Services.AddSingleton<DeadLetterQueue>();
builder.Services.AddSingleton<ExperimentStore>();
builder.Services.AddSingleton<RunningExperiments>();
builder.Services.AddSingleton<UseCaseDirectory>();
builder.Services.AddHttpClient(UseCaseDirectory.MetricsClient, client => client.BaseAddress = new Uri("http://metrics"));

var app = builder.Build();

var api = app.MapAiRoiApi();
api.MapStatusApiV1();
api.MapAnalysisApiV1();
api.MapExperimentsApiV1();
api.MapAssignmentApiV1();
api.MapRunningDefinitionsApiV1();
api.MapResultsApiV1();
api.MapDeadLettersApiV1();

app.Run();

using Visitation.Scheduling;
using Visitation.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(SchedulingModule.Name);
builder.AddSchedulingService();

var app = builder.Build();
app.MapServiceDefaults();
app.MapSecuredGrpcService<SchedulingGrpcService>();
app.Run();

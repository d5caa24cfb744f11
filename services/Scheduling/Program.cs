using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Scheduling;
using Visitation.ServiceDefaults;
using Visitation.ServiceDefaults.Rest;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(SchedulingModule.Name);
builder.AddRestDoor(SchedulingModule.Name, typeof(SchedulingService).Assembly);
builder.AddSchedulingService();

var app = builder.Build();
app.MapServiceDefaults();
app.MapRestDoor();
app.MapSecuredGrpcService<SchedulingGrpcService>();
app.Run();

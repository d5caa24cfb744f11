using Visitation.Contracts.Grpc.Application;
using Visitation.Application;
using Visitation.ServiceDefaults;
using Visitation.ServiceDefaults.Rest;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(ApplicationModule.Name);
builder.AddRestDoor(ApplicationModule.Name, typeof(ApplicationService).Assembly);
builder.AddApplicationService();

var app = builder.Build();
app.MapServiceDefaults();
app.MapRestDoor();
app.MapSecuredGrpcService<ApplicationGrpcService>();
app.Run();

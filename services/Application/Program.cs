using Visitation.Application;
using Visitation.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(ApplicationModule.Name);
builder.AddApplicationService();

var app = builder.Build();
app.MapServiceDefaults();
app.MapSecuredGrpcService<ApplicationGrpcService>();
app.Run();

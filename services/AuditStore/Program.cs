using Visitation.AuditStore;
using Visitation.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(AuditStoreModule.Name);
builder.AddAuditStoreService();

var app = builder.Build();
app.MapServiceDefaults();
app.MapSecuredGrpcService<AuditStoreGrpcService>();
app.Run();

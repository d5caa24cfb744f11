using Visitation.Notification;
using Visitation.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(NotificationModule.Name);
builder.AddNotificationService();

var app = builder.Build();
app.MapServiceDefaults();
app.MapSecuredGrpcService<NotificationGrpcService>();
app.Run();

using Visitation.Contracts.Grpc.Notification;
using Visitation.Notification;
using Visitation.Notification.Features.ReceiveReceipts;
using Visitation.ServiceDefaults;
using Visitation.ServiceDefaults.Rest;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(NotificationModule.Name);
builder.AddRestDoor(NotificationModule.Name, typeof(NotificationService).Assembly);
builder.AddNotificationService();

var app = builder.Build();
app.MapServiceDefaults();
app.MapRestDoor();
app.MapSecuredGrpcService<NotificationGrpcService>();
app.MapSmsReceiptCallbacks();
app.Run();

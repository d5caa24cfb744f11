using Visitation.DevSmsGateway;

var app = DevSmsGatewayApp.Build(args);
app.Run();

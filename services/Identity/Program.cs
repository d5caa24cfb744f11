using Visitation.Identity;

var builder = WebApplication.CreateBuilder(args);
builder.AddIdentityService();

var app = builder.Build();
if (await AdminCommands.TryRunAsync(app, args))
{
    return;
}

app.MapIdentityService();
app.Run();


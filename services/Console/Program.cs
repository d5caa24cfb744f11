using Visitation.Console;

// Its files (wwwroot, settings) are beside the binaries, wherever the process is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddConsole();

var app = builder.Build();
app.MapConsole();
app.Run();

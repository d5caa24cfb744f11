using Visitation.PrisonApproval;
using Visitation.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(PrisonApprovalModule.Name);
builder.AddPrisonApprovalService();

var app = builder.Build();
app.MapServiceDefaults();
app.MapSecuredGrpcService<PrisonApprovalGrpcService>();
app.Run();

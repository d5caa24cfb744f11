using Visitation.BureauReview;
using Visitation.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(BureauReviewModule.Name);
builder.AddBureauReviewService();

var app = builder.Build();
app.MapServiceDefaults();
app.MapSecuredGrpcService<BureauReviewGrpcService>();
app.Run();

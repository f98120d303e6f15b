// The web app's host: Azure Static Web Apps, Standard (the plan that can link a Function App as its API). It serves
// web/ and signs people in with Entra ID; its link to the Function App is made in auth.bicep, once the app exists.
// It depends on nothing else here, so the storage account can take its address for CORS.

param name string
param location string

resource site 'Microsoft.Web/staticSites@2023-12-01' = {
  name: name
  location: location
  sku: { name: 'Standard', tier: 'Standard' }
  properties: {
    // No preview environments: a linked backend is not available there, and every copy of the site is one more
    // place a family's data could be shown from.
    stagingEnvironmentPolicy: 'Disabled'
  }
}

output name string = site.name
output hostName string = site.properties.defaultHostname

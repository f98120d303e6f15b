// Who may call the Function App. Two ways in, both checked by the platform before a request reaches the app:
//  - the browser, through the static web app: linked as its API backend, Static Web Apps proxies /api/* with its own
//    token and forwards the signed-in person as x-ms-client-principal (the azureStaticWebApps provider below);
//  - bt, with an Entra ID bearer token for the API's app registration (the azureActiveDirectory provider).
// Anything else gets 401: built-in authentication is required, which is what makes trusting the forwarded principal
// safe. No client secret: the Function App only validates bearer tokens, it never signs anyone in itself.

param functionAppName string
param functionAppLocation string
param staticWebAppName string
param staticWebAppHostName string
param entraTenantId string
param apiClientId string

resource functionApp 'Microsoft.Web/sites@2023-12-01' existing = {
  name: functionAppName
}

resource staticWebApp 'Microsoft.Web/staticSites@2023-12-01' existing = {
  name: staticWebAppName
}

resource backend 'Microsoft.Web/staticSites/linkedBackends@2023-12-01' = {
  parent: staticWebApp
  name: 'functionapp'
  properties: {
    backendResourceId: functionApp.id
    region: functionAppLocation
  }
}

// Linking adds the azureStaticWebApps provider to the Function App's authentication; this resource then writes the
// whole configuration after it, so a redeployment ends in the same state instead of whichever write came last.
resource authentication 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: functionApp
  name: 'authsettingsV2'
  dependsOn: [backend]
  properties: {
    platform: { enabled: true }
    globalValidation: {
      requireAuthentication: true
      // An API: no redirects to a login page.
      unauthenticatedClientAction: 'Return401'
      // Event Grid calls the blob triggers' webhook with the blobs_extension key, not as a person (infra/blobevents.bicep).
      excludedPaths: ['/runtime/webhooks/blobs']
    }
    identityProviders: {
      azureStaticWebApps: {
        enabled: true
        // The static web app's own host name is its client id here (what linking writes).
        registration: { clientId: staticWebAppHostName }
      }
      azureActiveDirectory: {
        enabled: true
        registration: {
          openIdIssuer: '${environment().authentication.loginEndpoint}${entraTenantId}/v2.0'
          clientId: apiClientId
        }
        validation: {
          allowedAudiences: ['api://${apiClientId}', apiClientId]
        }
      }
    }
    // Bearer tokens only: no sessions or cookies kept by the platform.
    login: { tokenStore: { enabled: false } }
    httpSettings: { requireHttps: true }
  }
}

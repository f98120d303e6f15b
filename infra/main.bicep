// BasicTrust.Functions in Azure: the pipeline's storage account, the Function App on the .NET isolated worker
// (Flex Consumption by default, which scales to zero; or Elastic Premium with the image), a user-assigned identity with only the data roles it needs, monitoring, and the
// static web app that serves the browser pages with the Function App linked as its API. The Function App requires
// sign-in: Entra ID bearer tokens (bt) or the linked static web app (the browser).
// Deploy: see docs/deploy.md. Names default from one prefix; every name can be set.

targetScope = 'resourceGroup'

@description('Prefix for every resource name (lowercase letters and digits).')
@minLength(3)
@maxLength(11)
param prefix string = 'basictrust'

@description('Azure region.')
param location string = resourceGroup().location

@description('Days after the guidance ends (a case is closed) that the app deletes its recordings and all media made of them (BasicTrust__Privacy__RetentionDays).')
@minValue(0)
@maxValue(365)
param retentionDays int = 30

@description('The backstop: days after their last change that the lifecycle rule deletes media (recordings, previews, clips, reels) the app has not. Longer than any retention the app allows, so it never deletes first.')
@minValue(366)
@maxValue(3650)
param mediaBackstopDays int = 730

@description('Days deleted blobs and containers can be restored (soft delete).')
@minValue(1)
@maxValue(365)
param softDeleteDays int = 14

@description('The Function App\'s plan: FlexConsumption (scales to zero; deploy the package of scripts/package.sh) or ElasticPremium (an always-warm instance running the image).')
@allowed(['FlexConsumption', 'ElasticPremium'])
param plan string = 'FlexConsumption'

@description('FlexConsumption: memory per instance in MB.')
@allowed([2048, 4096])
param instanceMemoryMB int = 2048

@description('ElasticPremium: the handler image, e.g. myregistry.azurecr.io/basictrust-functions:1.0 (built from infra/Dockerfile).')
param image string = ''

@description('ElasticPremium: name of the Azure Container Registry holding the image (in this resource group); the identity gets AcrPull on it.')
param registryName string = ''

@description('Most instances the plan scales out to (each cuts one clip at a time).')
@minValue(1)
@maxValue(100)
param maxInstances int = 10

@description('x264 preset of precise clips.')
@allowed(['ultrafast', 'superfast', 'veryfast', 'faster', 'fast', 'medium'])
param clipPreset string = 'superfast'

@description('Microsoft Entra tenant the people sign in with.')
param entraTenantId string = tenant().tenantId

@description('Client id of the Entra app registration exposing the API and its app roles therapist, reviewer and privacy-officer.')
@minLength(36)
@maxLength(36)
param apiClientId string

@description('Region of the static web app (Static Web Apps is offered in a few regions only; it serves from the edge anyway).')
@allowed(['westeurope', 'westus2', 'centralus', 'eastus2', 'eastasia'])
param staticWebAppLocation string = 'westeurope'

@description('The SMTP relay mail goes out through: Azure Communication Services (smtp.azurecomm.net) or Microsoft 365 (smtp.office365.com).')
param smtpHost string = 'smtp.azurecomm.net'

@description('The relay\'s port: 587 with STARTTLS.')
param smtpPort int = 587

@description('How the connection to the relay is secured (MailKit SecureSocketOptions).')
@allowed(['StartTls', 'SslOnConnect'])
param smtpSecurity string = 'StartTls'

@description('The sender address the relay allows, e.g. DoNotReply@<domain> of the Communication Services email domain.')
param mailFrom string

@description('The relay\'s SMTP user name (Communication Services: the SMTP username of its Entra app; Microsoft 365: the mailbox).')
param smtpUser string

@description('Key Vault secret URI of the relay\'s password, e.g. https://<vault>.vault.azure.net/secrets/smtp-password; the identity is given Key Vault Secrets User on that secret (the vault must use Azure RBAC).')
param smtpPasswordSecretUri string

@description('The resource group of the Key Vault holding the relay\'s password; this deployment\'s by default.')
param keyVaultResourceGroup string = resourceGroup().name

param storageAccountName string = '${prefix}${uniqueString(resourceGroup().id)}'
param functionAppName string = '${prefix}-func-${uniqueString(resourceGroup().id)}'
param identityName string = '${prefix}-identity'
param staticWebAppName string = '${prefix}-web-${uniqueString(resourceGroup().id)}'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
}

// Before the storage account, which allows its origin; linked to the Function App later, in auth.
module web 'modules/staticwebapp.bicep' = {
  name: 'staticwebapp'
  params: {
    name: staticWebAppName
    location: staticWebAppLocation
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: storageAccountName
    location: location
    mediaBackstopDays: mediaBackstopDays
    softDeleteDays: softDeleteDays
    webOrigin: 'https://${web.outputs.hostName}'
  }
}

// Blob events for the blob triggers (PlanSession, MakePreview); their subscriptions: infra/blobevents.bicep.
module eventgrid 'modules/eventgrid.bicep' = {
  name: 'eventgrid'
  params: {
    storageAccountName: storage.outputs.name
    location: location
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    prefix: prefix
    location: location
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    principalId: identity.properties.principalId
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    registryName: registryName
  }
}

module secretReader 'modules/secretreader.bicep' = {
  name: 'secretreader'
  scope: resourceGroup(keyVaultResourceGroup)
  params: {
    principalId: identity.properties.principalId
    secretUri: smtpPasswordSecretUri
  }
}

module app 'modules/functionapp.bicep' = {
  name: 'functionapp'
  dependsOn: [roles, secretReader]
  params: {
    plan: plan
    name: functionAppName
    location: location
    image: image
    maxInstances: maxInstances
    instanceMemoryMB: instanceMemoryMB
    packageContainerUrl: '${storage.outputs.blobEndpoint}${storage.outputs.packageContainerName}'
    identityId: identity.id
    identityClientId: identity.properties.clientId
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    clipPreset: clipPreset
    retentionDays: retentionDays
    siteUrl: 'https://${web.outputs.hostName}/'
    smtpHost: smtpHost
    smtpPort: smtpPort
    smtpSecurity: smtpSecurity
    mailFrom: mailFrom
    smtpUser: smtpUser
    smtpPasswordSecretUri: smtpPasswordSecretUri
  }
}

module auth 'modules/auth.bicep' = {
  name: 'auth'
  params: {
    functionAppName: app.outputs.name
    functionAppLocation: location
    staticWebAppName: web.outputs.name
    staticWebAppHostName: web.outputs.hostName
    entraTenantId: entraTenantId
    apiClientId: apiClientId
  }
}

@description('Base URL of the HTTP API.')
output apiUrl string = 'https://${app.outputs.hostName}/api'
output functionAppName string = app.outputs.name
output storageAccountName string = storage.outputs.name
@description('The storage account\'s Event Grid system topic; infra/blobevents.bicep subscribes the blob triggers to it.')
output eventGridTopicName string = eventgrid.outputs.topicName
@description('Address of the web app (the static web app); its /api is the Function App.')
output webUrl string = 'https://${web.outputs.hostName}'

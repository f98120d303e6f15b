// The pipeline's storage account: private containers, the queues and their poison queues, the review index and
// case access tables, no shared keys, TLS 1.2+, soft delete, a lifecycle rule that deletes raw recordings after a
// number of days as the backstop of the app's own deletion, and CORS for the web app's origin only (browsers upload recordings straight to Blob storage).

param name string
param location string
param mediaBackstopDays int
param softDeleteDays int
@description('Origin of the web app (https://host), the only one whose pages may call Blob storage.')
param webOrigin string

// Uploads, previews, cut clips, reels, internal state and the audit trail.
var containerNames = ['recordings', 'previews', 'clips', 'reels', 'pipeline', 'audit']

// The Flex Consumption app's deployment package (not the app's: it never reads it).
var packageContainerName = 'app-package'

// The function.json queues, their poison queues, and the host's blob trigger poison queue.
var queueNames = ['clip-jobs', 'clip-jobs-poison', 'reel-jobs', 'reel-jobs-poison', 'reels-ready', 'reels-ready-poison', 'mail-outbox', 'mail-outbox-poison', 'preview-jobs', 'preview-jobs-poison', 'preview-segments', 'preview-segments-poison', 'webjobs-blobtrigger-poison']

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  sku: { name: 'Standard_ZRS' }
  kind: 'StorageV2'
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: { enabled: true, days: softDeleteDays }
    containerDeleteRetentionPolicy: { enabled: true, days: softDeleteDays }
    // The web app uploads a recording in blocks with its upload link, and plays reels and clips with read links;
    // the links (SAS) authorize each request, CORS only lets that one origin's pages make it.
    cors: {
      corsRules: [
        {
          allowedOrigins: [webOrigin]
          allowedMethods: ['PUT', 'GET', 'HEAD', 'OPTIONS']
          allowedHeaders: ['content-type', 'content-md5', 'range', 'x-ms-*']
          // Block uploads read the request id and ETag back; range reads read Content-Range.
          exposedHeaders: ['x-ms-*', 'etag', 'content-range']
          maxAgeInSeconds: 3600
        }
      ]
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for container in containerNames: {
  parent: blobService
  name: container
  properties: { publicAccess: 'None' }
}]

resource packageContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: packageContainerName
  properties: { publicAccess: 'None' }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [for queue in queueNames: {
  parent: queueService
  name: queue
}]

// The review index (docs/pipeline.md, "Storage"): one row per session with a ready reel. The case access records: partition
// key the case id; row key "" the case row (its owner), row key an object id a person's role on the case. The people's
// mail settings: partition key an object id, row key 'notifications'.
var tableNames = ['reviews', 'cases', 'people']

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for table in tableNames: {
  parent: tableService
  name: table
}]

resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'delete-media-backstop'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: { blobTypes: ['blockBlob'], prefixMatch: ['recordings/', 'previews/', 'clips/', 'reels/'] }
            actions: { baseBlob: { delete: { daysAfterModificationGreaterThan: mediaBackstopDays } } }
          }
        }
      ]
    }
  }
}

output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
output packageContainerName string = packageContainer.name

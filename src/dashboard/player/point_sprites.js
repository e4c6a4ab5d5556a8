// PointSpriteLayer: deck.gl's ScatterplotLayer drawn as point sprites, one vertex per point in
// one non-instanced draw. Same props, same picture, same picking and DataFilterExtension.
// Why: software GL (SwiftShader, what a school laptop without a usable GPU falls back to) pays
// a fixed cost for every instance of an instanced draw, about 70 µs here: 1,000 instanced
// circles redraw 14 times a second, the same circles as sprites much faster (benchmarks/).
// A point sprite is clipped whole when its centre leaves the view (a dot at the very edge of
// the map disappears a few pixels early), and its size is capped by the GPU: where the cap is
// below SPRITE_MIN_MAX_SIZE_PX the layer draws as the plain ScatterplotLayer.

// A GPU that draws sprites this wide draws our largest dot (11 px radius, 3 px ring: 26 CSS px
// across) whole up to 2.4 device pixels per CSS pixel; at a higher ratio on such a GPU it is clipped.
const SPRITE_MIN_MAX_SIZE_PX = 64;

// ScatterplotLayer's vertex shader (deck.gl 9.3), with gl_PointSize for the quad it builds.
const SPRITE_VS = `#version 300 es
#define SHADER_NAME point-sprite-layer-vertex-shader
in vec3 instancePositions;
in vec3 instancePositions64Low;
in float instanceRadius;
in float instanceLineWidths;
in vec4 instanceFillColors;
in vec4 instanceLineColors;
in vec3 instancePickingColors;
out vec4 vFillColor;
out vec4 vLineColor;
out float innerUnitRadius;
out float outerRadiusPixels;
out float edgePadding;
void main(void) {
  geometry.worldPosition = instancePositions;
  outerRadiusPixels = clamp(
    project_size_to_pixel(scatterplot.radiusScale * instanceRadius, scatterplot.radiusUnits),
    scatterplot.radiusMinPixels, scatterplot.radiusMaxPixels
  );
  float lineWidthPixels = clamp(
    project_size_to_pixel(scatterplot.lineWidthScale * instanceLineWidths, scatterplot.lineWidthUnits),
    scatterplot.lineWidthMinPixels, scatterplot.lineWidthMaxPixels
  );
  outerRadiusPixels += scatterplot.stroked * lineWidthPixels / 2.0;
  edgePadding = scatterplot.antialiasing ? (outerRadiusPixels + SMOOTH_EDGE_RADIUS) / outerRadiusPixels : 1.0;
  geometry.pickingColor = instancePickingColors;
  innerUnitRadius = 1.0 - scatterplot.stroked * lineWidthPixels / outerRadiusPixels;
  gl_Position = project_position_to_clipspace(instancePositions, instancePositions64Low, vec3(0.0), geometry.position);
  DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
  vec3 size = vec3(edgePadding * outerRadiusPixels, 0.0, 0.0);
  DECKGL_FILTER_SIZE(size, geometry);
  // Sizes above are in CSS pixels; gl_PointSize is in device pixels.
  gl_PointSize = 2.0 * size.x * project.devicePixelRatio;
  vFillColor = vec4(instanceFillColors.rgb, instanceFillColors.a * layer.opacity);
  DECKGL_FILTER_COLOR(vFillColor, geometry);
  vLineColor = vec4(instanceLineColors.rgb, instanceLineColors.a * layer.opacity);
  DECKGL_FILTER_COLOR(vLineColor, geometry);
}
`;

// ScatterplotLayer's fragment shader, with the position in the circle from gl_PointCoord.
const SPRITE_FS = `#version 300 es
#define SHADER_NAME point-sprite-layer-fragment-shader
precision highp float;
in vec4 vFillColor;
in vec4 vLineColor;
in float innerUnitRadius;
in float outerRadiusPixels;
in float edgePadding;
out vec4 fragColor;
void main(void) {
  vec2 unitPosition = (2.0 * gl_PointCoord - 1.0) * edgePadding;
  geometry.uv = unitPosition;
  float distToCenter = length(unitPosition) * outerRadiusPixels;
  float inCircle = scatterplot.antialiasing ? smoothedge(distToCenter, outerRadiusPixels) : step(distToCenter, outerRadiusPixels);
  if (inCircle == 0.0) discard;
  if (scatterplot.stroked > 0.5) {
    float isLine = scatterplot.antialiasing
      ? smoothedge(innerUnitRadius * outerRadiusPixels, distToCenter)
      : step(innerUnitRadius * outerRadiusPixels, distToCenter);
    if (scatterplot.filled > 0.5) {
      fragColor = mix(vFillColor, vLineColor, isLine);
    } else {
      if (isLine == 0.0) discard;
      fragColor = vec4(vLineColor.rgb, vLineColor.a * isLine);
    }
  } else if (scatterplot.filled < 0.5) {
    discard;
  } else {
    fragColor = vFillColor;
  }
  fragColor.a *= inCircle;
  DECKGL_FILTER_COLOR(fragColor, geometry);
}
`;

function maxPointSize(device) {
  const gl = device && device.gl;
  const range = gl ? gl.getParameter(gl.ALIASED_POINT_SIZE_RANGE) : null;
  return range ? range[1] : 0;
}

// The class, made from the loaded deck.gl (`lib`) and luma.gl's Model (`Model`).
function pointSpriteLayerClass(lib, Model) {
  class PointSpriteLayer extends lib.ScatterplotLayer {
    getShaders() {
      const shaders = super.getShaders();
      return this.state.sprites ? { ...shaders, vs: SPRITE_VS, fs: SPRITE_FS } : shaders;
    }

    initializeState() {
      this.state.sprites = Boolean(Model) && maxPointSize(this.context.device) >= SPRITE_MIN_MAX_SIZE_PX;
      if (!this.state.sprites) {
        super.initializeState();
        return;
      }
      // ScatterplotLayer's attributes (no pixel offset), one per vertex instead of per instance;
      // the picking colours too (deck.gl adds them per instance to every layer).
      const attributes = this.getAttributeManager();
      const colorSize = this.props.colorFormat.length;
      attributes.remove(["instancePickingColors"]);
      attributes.add({
        instancePickingColors: { type: "uint8", size: 4, noAlloc: true, update: this.calculateInstancePickingColors },
        instancePositions: { size: 3, type: "float64", fp64: this.use64bitPositions(), accessor: "getPosition" },
        instanceRadius: { size: 1, accessor: "getRadius", defaultValue: 1 },
        instanceFillColors: { size: colorSize, type: "unorm8", accessor: "getFillColor", defaultValue: [0, 0, 0, 255] },
        instanceLineColors: { size: colorSize, type: "unorm8", accessor: "getLineColor", defaultValue: [0, 0, 0, 255] },
        instanceLineWidths: { size: 1, accessor: "getLineWidth", defaultValue: 1 },
      });
    }

    draw(options) {
      // deck.gl sets the instance count of instanced models only; here one vertex is one point.
      if (this.state.sprites) this.state.model.setVertexCount(this.getNumInstances());
      super.draw(options);
    }

    _getModel() {
      if (!this.state.sprites) return super._getModel();
      return new Model(this.context.device, {
        ...this.getShaders(),
        id: this.props.id,
        topology: "point-list",
        isInstanced: false,
        vertexCount: 0,
        bufferLayout: this.getAttributeManager().getBufferLayouts({ isInstanced: false }),
      });
    }
  }
  PointSpriteLayer.layerName = "PointSpriteLayer";
  return PointSpriteLayer;
}
